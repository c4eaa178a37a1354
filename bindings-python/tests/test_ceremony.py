"""The ceremony API (``ssj.Ceremony``) reads like the procedure and gives the published
seed and log of the publish vectors; each step is refused when out of order or wrong,
and a refused step leaves the log as it was."""

import pytest
from vectors import load

import shuangsuiji as ssj

C = load("publish/ceremony.json")["ceremony"]
REVEALS = [("dept-emergency", "11" * 32), ("dept-fire", "22" * 32), ("dept-market", "33" * 32), ("notary", "44" * 32)]


def test_the_ceremony_step_by_step_gives_the_published_seed_and_log():
    c = ssj.Ceremony(C["plan"])
    c.beacon("ssq", "05 09 14 22 27 31 + 12")  # as announced: spaces and '+'
    for party, secret in REVEALS:
        c.reveal(party, secret)
    seed = c.seed()
    assert seed == C["seed"]
    # The log is the published one up to the draw; the draw appends the rest.
    assert c.log["entries"] == C["log"]["entries"][:6]
    result, log = ssj.publish_draw(C["plan"], C["eligible"], C["catalog"], c.log, 0, seed)
    assert log == C["log"] and result == C["result"]


def test_commit_is_the_plans_commitment():
    commitments = {p["party_id"]: p["commitment"] for p in C["plan"]["parties"]}
    for party, secret in REVEALS:
        assert ssj.Ceremony.commit(party, secret) == commitments[party]
    fresh = ssj.Ceremony.new_secret()
    assert len(fresh) == 64 and fresh != ssj.Ceremony.new_secret()


def test_a_refused_step_leaves_the_log_as_it_was():
    c = ssj.Ceremony(C["plan"])
    with pytest.raises(ssj.VerifyError) as e:
        c.reveal("notary", "44" * 32)  # the plan reads the beacon first (after_beacon)
    assert e.value.code == "log_order"
    assert len(c.log["entries"]) == 1
    c.beacon("ssq", "05 09 14 22 27 31 + 12")
    with pytest.raises(ssj.VerifyError) as e:
        c.reveal("notary", "45" * 32)
    assert e.value.code == "reveal_mismatch" and e.value.details["party"] == "notary"
    with pytest.raises(ssj.VerifyError) as e:
        c.seed()
    assert e.value.code == "reveal_missing"
    assert len(c.log["entries"]) == 2


def test_a_ceremony_continues_a_log_given():
    first = ssj.Ceremony(C["plan"])
    first.beacon("ssq", "05.09.14.22.27.31+12")
    c = ssj.Ceremony(C["plan"], first.log)
    for party, secret in REVEALS:
        c.reveal(party, secret)
    assert c.seed() == C["seed"]
