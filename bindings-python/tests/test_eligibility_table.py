"""Issue #22: the eligibility report as a clerk writes it to Excel — the core's table
(Chinese headers, reasons in words), so the CLI's CSV/xlsx and Python's DataFrame agree."""

import json
import pathlib

import pytest

import shuangsuiji as ssj

CASE = json.loads(
    (pathlib.Path(__file__).resolve().parents[2] / "tests" / "vectors" / "eligibility" / "reasons_cap_class_limits.ops.json").read_text(
        encoding="utf-8"
    )
)["cases"][0]


def test_the_table_is_the_core_s():
    report = ssj.EligibilityReport(CASE["expect"])
    table = report.to_table()
    assert table["headers"] == ["检查事项", "统一社会信用代码", "企业名称", "结果", "分层", "原因代码", "原因"]
    assert table == ssj.eligibility_table(CASE["expect"])
    statuses = {row[3] for row in table["rows"]}
    assert statuses <= {"可抽取", "必查", "重点检查", "排除"} and "排除" in statuses
    excluded = [row for row in table["rows"] if row[3] == "排除"]
    assert all(row[6] for row in excluded)  # every exclusion has its reason in words
    assert any("本年度抽查次数已达上限" in row[6] for row in excluded)


def test_dataframe_in_chinese_and_unchanged_english():
    pd = pytest.importorskip("pandas")
    report = ssj.EligibilityReport(CASE["expect"])
    zh = report.to_dataframe(lang="zh")
    assert isinstance(zh, pd.DataFrame) and list(zh.columns)[0] == "检查事项"
    assert list(report.to_dataframe().columns) == ["item_id", "uscc", "status", "stratum", "forced_in", "reasons"]
    with pytest.raises(ssj.InputError):
        report.to_dataframe(lang="fr")
