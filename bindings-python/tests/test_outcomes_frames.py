"""Inspection outcomes and the 公示 list in Python: DataFrames with Chinese column names
(the 公示 list's are the core's CSV headers, its rows the CSV's), the xlsx export as
bytes. Inputs are the golden vectors' (tests/vectors/outcomes, tests/vectors/disclosure)."""

import io
import zipfile

import pytest

import shuangsuiji as ssj
from vectors import load

DISCLOSE = load("disclosure/disclose_late_and_overdue.ops.json")["cases"][0]
CSV = load("disclosure/csv_late_and_overdue.ops.json")["cases"][0]
RECORD = load("outcomes/accept_joint_visit.ops.json")["cases"][0]
OUTCOMES_CSV = load("outcomes/outcomes_csv_joint_visit.ops.json")["cases"][0]
OUTCOME_HEADERS = ["任务编号", "统一社会信用代码", "检查实施部门", "检查日期", "检查人员", "检查事项", "检查结果", "备注", "后续处置", "记录日期"]
HEADERS = ["任务编号", "统一社会信用代码", "检查实施部门", "检查日期", "检查事项", "检查结果", "备注", "公示日期", "公示期限", "公示状态"]


def disclosure():
    i = DISCLOSE["input"]
    return ssj.disclose(i["draw"], i["outcomes"], i["as_of"])


def test_record_outcomes_and_disclose_return_the_vectors_answers_with_helpers():
    outcomes = ssj.record_outcomes(RECORD["input"]["intake"])
    assert isinstance(outcomes, ssj.OutcomeSet) and outcomes == RECORD["expect"]
    listed = disclosure()
    assert isinstance(listed, ssj.Disclosure) and listed == DISCLOSE["expect"]


def test_the_csv_is_the_core_s():
    assert disclosure().to_csv() == CSV["expect"]
    assert ssj.disclosure_csv(DISCLOSE["expect"]) == CSV["expect"]


def test_the_disclosure_frame_has_the_csv_s_headers_and_rows():
    pytest.importorskip("pandas")
    frame = disclosure().to_dataframe()
    assert list(frame.columns) == HEADERS
    rows = [line.split(",") for line in CSV["expect"].lstrip("\ufeff").split("\r\n")[1:] if line]
    assert frame.values.tolist() == rows
    assert frame["公示状态"].tolist() == ["逾期公示", "按期公示", "逾期未公示"]


def test_the_outcome_csv_is_the_core_s():
    assert ssj.record_outcomes(RECORD["input"]["intake"]).to_csv() == OUTCOMES_CSV["expect"]
    assert ssj.outcomes_csv(RECORD["expect"]) == OUTCOMES_CSV["expect"]


def test_the_outcome_frame_has_the_core_csv_s_headers_and_rows():
    pytest.importorskip("pandas")
    frame = ssj.record_outcomes(RECORD["input"]["intake"]).to_dataframe()
    lines = OUTCOMES_CSV["expect"].lstrip("\ufeff").split("\r\n")
    assert list(frame.columns) == lines[0].split(",") == OUTCOME_HEADERS
    assert frame.values.tolist() == [line.split(",") for line in lines[1:] if line]
    assert len(frame) == sum(len(r["findings"]) for r in RECORD["expect"]["records"])
    last = frame.iloc[-1]
    assert last["统一社会信用代码"] == "91150581M000002Y1Y"
    assert last["检查人员"] == "M02、M01"
    # The category as its published Chinese term, the follow-ups in words (the core's).
    assert last["检查结果"] == "发现问题待后续处理"
    assert last["后续处置"] == "立案（2026-03-13）；移送 health"


def test_the_xlsx_is_bytes_of_a_workbook_with_the_sheet_and_the_chinese_headers():
    data = disclosure().to_xlsx()
    assert isinstance(data, bytes) and data.startswith(b"PK\x03\x04")
    assert data == ssj.disclosure_xlsx(DISCLOSE["expect"])
    parts = zipfile.ZipFile(io.BytesIO(data))
    text = "".join(parts.read(n).decode("utf-8") for n in parts.namelist() if n.endswith(".xml"))
    assert "检查结果公示" in text and all(h in text for h in HEADERS)
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet.title == "检查结果公示"
    table = [[c if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)]
    assert table[0] == HEADERS
    assert table[1:] == [line.split(",") for line in CSV["expect"].lstrip("\ufeff").split("\r\n")[1:] if line]


def test_a_list_that_is_not_a_disclosure_is_refused_with_a_code():
    with pytest.raises(ssj.ShuangsuijiError) as e:
        ssj.disclosure_xlsx({"task_id": 1})
    assert e.value.code == "json_shape"
