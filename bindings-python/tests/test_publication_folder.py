"""The publication folder: its layout is the core's (``publication_files``), the
binding only writes and reads the files; ``verify_publication`` checks the folder."""

import json
import pathlib

import pytest

import shuangsuiji as ssj

CEREMONY = json.loads(
    (pathlib.Path(__file__).resolve().parents[2] / "tests" / "vectors" / "publish" / "ceremony.json").read_text(
        encoding="utf-8"
    )
)["ceremony"]


def _files():
    c = CEREMONY
    return ssj.publication_files(c["plan"], c["eligible"], c["excluded"], c["catalog"], c["log"], c["result"])


def test_written_folder_reads_back_and_verifies(tmp_path):
    files = _files()
    assert files["plan.hash"] == CEREMONY["plan_hash"] + "\n"
    assert files["log.head"] == CEREMONY["log_head"] + "\n"
    written = ssj.write_publication_folder(tmp_path, files)
    assert len(written) == len(files)
    (tmp_path / "font.woff2").write_bytes(b"\xff\x00")  # not part of the publication
    back = ssj.read_publication_folder(tmp_path)
    assert back == files
    check = ssj.verify_publication(back)
    assert check["receipts"] == sum(k.startswith("receipts/") for k in files)
    assert check["draw"]["plan_hash"] == CEREMONY["plan_hash"]


def test_tampered_and_missing_files_are_named(tmp_path):
    ssj.write_publication_folder(tmp_path, _files())
    (tmp_path / "log.head").unlink()
    with pytest.raises(ssj.VerifyError) as e:
        ssj.verify_publication(ssj.read_publication_folder(tmp_path))
    assert e.value.code == "publication_file_missing"
    assert e.value.details["field"] == "log.head"
    receipt = sorted((tmp_path / "receipts").iterdir())[0]
    receipt.write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(ssj.ShuangsuijiError):
        ssj.read_publication_folder(tmp_path)


def test_paths_outside_the_folder_are_refused(tmp_path):
    with pytest.raises(ssj.InputError) as e:
        ssj.write_publication_folder(tmp_path, {"../evil.json": "{}"})
    assert e.value.code == "argument_type"
