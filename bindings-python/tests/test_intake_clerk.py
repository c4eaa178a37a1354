"""Issue #22, intake for a clerk: a title row above the header (``header_row``), and
problems of a DataFrame named by the frame's index label as well as the row."""

import pytest

import shuangsuiji as ssj

pd = pytest.importorskip("pandas")

HEADER = "统一社会信用代码,企业名称,行政区划,信用风险分类,登记状态,经营异常\n"
ROWS = "91150581MA0000015N,企业甲,150581,A,存续,否\n91150581MA0000023H,企业乙,150581,X,存续,否\n"
TITLE = "霍林郭勒市市场主体名录（导出时间：2024-12-01）,,,,,\n"


def test_a_title_row_names_the_header_row_and_header_row_skips_it():
    data = (TITLE + HEADER + ROWS.replace(",X,", ",B,")).encode("utf-8")
    with pytest.raises(ssj.InputError) as e:
        ssj.read_enterprises(data, {"format": "csv"})
    assert e.value.code == "column_unknown"
    assert e.value.details["header_row"] == "2"
    assert "header_row = 2" in str(e.value)
    assert len(ssj.read_enterprises(data, {"format": "csv", "header_row": 2})) == 2


def test_dataframe_problems_carry_the_index_label():
    df = pd.read_csv(__import__("io").StringIO(HEADER + ROWS), dtype=str)
    df.index = ["甲", "乙"]
    with pytest.raises(ssj.ValidationError) as e:
        ssj.read_enterprises(df)
    assert e.value.details["row"] == 3
    assert e.value.details["index"] == "乙"
    problems = ssj.check_enterprises(df)
    assert [p["details"].get("index") for p in problems] == ["乙"]
    # Not a DataFrame: no index label.
    assert "index" not in ssj.check_enterprises((HEADER + ROWS).encode("utf-8"))[0]["details"]
