import json

from schema.encoding import OrjsonEncoding


def test_the_encoder_writes_what_the_standard_encoder_reads():
    data = {"data": {"items": [{"name": "Café ☕", "price": "9.99", "id": "7"}], "n": None}}
    assert json.loads(OrjsonEncoding().encode_json(data)) == data


def test_integers_past_64_bits_fall_back_to_the_standard_encoder():
    assert json.loads(OrjsonEncoding().encode_json({"total": 2**70})) == {"total": 2**70}


def test_a_graphql_answer_is_json(gql, owner):
    answer = gql("{ me { username } }", user=owner)
    assert answer["data"] == {"me": {"username": owner.username}}
