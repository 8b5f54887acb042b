"""The embedded interpreter: classification, robustness, persistence and the real data."""

from __future__ import annotations

import importlib.metadata
import io
import json
import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlu.classifier import (
    MAX_CHARS,
    ClassifierConfig,
    fit_pipeline,
    normalise_text,
    training_examples,
)
from nlu.embedded import EmbeddedInterpreter
from nlu.factory import DEFAULT_DATA_DIR, HELDOUT_DIR, build_interpreter
from nlu.interpreter import INTENTS, Interpreter, ParseResult
from nlu.model_file import PIPELINE_VERSION, ModelFileError
from nlu.training_data import TrainingDataError, load_training_data, parse_rasa_yaml

DATA = Path(__file__).parent / "fixtures" / "nlu" / "data"
PROJECT = Path(__file__).resolve().parent.parent
SKLEARN_VERSION = importlib.metadata.version("scikit-learn")


@pytest.fixture(scope="module")
def interpreter(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedInterpreter:
    """Trained on the small fixture data (not the product data), with the acute rules."""
    return build_interpreter([DATA], tmp_path_factory.mktemp("nlu-fixture") / "model.bin")


def _check(result: ParseResult, text: str) -> None:
    assert result.text == text
    assert result.intent.name in INTENTS
    assert 0.0 <= result.intent.confidence <= 1.0
    assert 1 <= len(result.ranking) <= 10
    assert result.ranking[0] == result.intent
    confidences = [s.confidence for s in result.ranking]
    assert confidences == sorted(confidences, reverse=True)
    assert len({s.name for s in result.ranking}) == len(result.ranking)
    for entity in result.entities:
        assert text[entity.start : entity.end] == entity.text
    assert result.backend == "embedded"


# --------------------------------------------------------------------------- classification


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("hallo daar", "greet"),
        ("hey there", "greet"),
        ("tot ziens en bedankt", "goodbye"),
        ("yes that is correct", "affirm"),
        ("nee liever niet", "deny"),
        ("ik word bedreigd op facebook", "report_online_threat"),
        ("I am being threatened on tiktok", "report_online_threat"),
        ("een patiënt heeft mij geslagen op de afdeling", "report_aggression"),
        ("a visitor pushed me", "report_aggression"),
        ("ik ben in gevaar, hij heeft een mes", "acute_danger"),
        ("wie kan mijn gegevens zien", "ask_privacy"),
        ("who will see my data", "ask_privacy"),
        ("wat is het weer vandaag", "out_of_scope"),
        ("I forgot my password again", "out_of_scope"),
    ],
)
def test_classifies_unseen_fixture_sentences(
    interpreter: EmbeddedInterpreter, text: str, intent: str
) -> None:
    result = interpreter.parse(text)
    _check(result, text)
    assert result.intent.name == intent


def test_full_ranking_is_a_distribution(interpreter: EmbeddedInterpreter) -> None:
    ranking = interpreter.classify("ik word bedreigd via insta")
    assert {s.name for s in ranking} == set(interpreter.intents)
    assert sum(s.confidence for s in ranking) == pytest.approx(1.0, abs=1e-6)
    assert len(interpreter.parse("ik word bedreigd via insta").ranking) == 9  # 9 fixture intents


def test_accents_case_and_spacing_do_not_matter(interpreter: EmbeddedInterpreter) -> None:
    a = interpreter.parse("Een PATIËNT  bedreigt\u200b mij")
    b = interpreter.parse("een patient bedreigt mij")
    assert a.ranking == b.ranking


def test_entities_are_part_of_the_result(interpreter: EmbeddedInterpreter) -> None:
    result = interpreter.parse("Een patiënt bedreigt me via Insta")
    assert result.entity_value("platform") == "instagram"
    assert result.entity_value("perpetrator_relation") == "patient"
    payload = result.to_rasa_json()
    assert payload["entities"][0]["extractor"] == "embedded"


def test_acute_flag_comes_from_the_rules(interpreter: EmbeddedInterpreter) -> None:
    assert interpreter.parse("Help, hij staat met een mes voor de deur!").acute
    assert not interpreter.parse("gisteren had hij een mes").acute
    bare = EmbeddedInterpreter.train(load_training_data(DATA))
    assert not bare.parse("Help, hij staat met een mes voor de deur!").acute


@pytest.mark.parametrize("text", ["", " ", "\n\t  \u00a0", "\u200b"])
def test_empty_text_is_out_of_scope_with_zero_confidence(
    interpreter: EmbeddedInterpreter, text: str
) -> None:
    result = interpreter.parse(text)
    assert result.intent.name == "out_of_scope"
    assert result.intent.confidence == 0.0
    assert [s.name for s in result.ranking] == ["out_of_scope"]
    assert result.entities == ()


def test_text_with_no_known_feature_is_out_of_scope(interpreter: EmbeddedInterpreter) -> None:
    result = interpreter.parse("ꙮꙮꙮ")
    assert (result.intent.name, result.intent.confidence) == ("out_of_scope", 0.0)


@pytest.mark.parametrize(
    "text",
    [
        "\x00\x01\x02\x1b[31m",
        "\u202eevil rtl\u202c",
        "مرحبا، أنا في خطر",
        "🙂" * 5000,
        "\ud800 lone surrogate",
        "a\u0301" * 3000,
        "help " * 20_000,
    ],
)
def test_odd_input_never_raises(interpreter: EmbeddedInterpreter, text: str) -> None:
    _check(interpreter.parse(text), text)


def test_huge_message_is_cheap(interpreter: EmbeddedInterpreter) -> None:
    """A guard against runaway patterns (seconds to minutes), not a speed figure: about
    0.5 s on an idle machine, so the bound leaves room for a loaded one."""
    text = "ik word bedreigd op facebook door een patiënt. " * 2200  # ~100 kB
    started = time.perf_counter()
    result = interpreter.parse(text)
    assert time.perf_counter() - started < 3.0
    assert result.intent.name == "report_online_threat"


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=500))
def test_parse_never_raises(interpreter: EmbeddedInterpreter, text: str) -> None:
    result = interpreter.parse(text)
    assert result.text == text
    assert result.intent.name in INTENTS
    assert result.ranking


def test_is_an_interpreter(interpreter: EmbeddedInterpreter) -> None:
    assert isinstance(interpreter, Interpreter)


def test_is_served_without_scikit_learn(interpreter: EmbeddedInterpreter) -> None:
    assert interpreter.compact
    assert interpreter._pipeline is None  # the fitted pipeline is not kept after training


def test_two_intent_model_is_compact_and_matches_scikit_learn() -> None:
    doc = "nlu:\n- intent: greet\n  examples: |\n    - hoi\n    - hallo\n- intent: deny\n"
    doc += "  examples: |\n    - nee\n    - nope\n"
    data = parse_rasa_yaml(doc)
    binary = EmbeddedInterpreter.train(data)
    assert binary.compact
    ranking = binary.classify("hallo daar")
    assert [s.name for s in ranking] == ["greet", "deny"]
    texts, labels = training_examples(data)
    pipeline = fit_pipeline(texts, labels, ClassifierConfig())
    expected = pipeline.predict_proba([normalise_text("hallo daar")])[0]
    by_name = {s.name: s.confidence for s in ranking}
    got = [by_name[str(c)] for c in pipeline.classes_]
    assert np.allclose(got, expected, rtol=0.0, atol=1e-6)


def test_training_is_deterministic() -> None:
    data = load_training_data(DATA)
    one = EmbeddedInterpreter.train(data).classify("een patiënt bedreigt mij op facebook")
    two = EmbeddedInterpreter.train(data).classify("een patiënt bedreigt mij op facebook")
    assert one == two


def test_calibrated_svm_keeps_probabilities() -> None:
    svm = EmbeddedInterpreter.train(load_training_data(DATA), config=ClassifierConfig(kind="svm"))
    assert not svm.compact  # served by its scikit-learn pipeline
    ranking = svm.classify("ik word bedreigd op facebook")
    assert ranking[0].name == "report_online_threat"
    assert sum(s.confidence for s in ranking) == pytest.approx(1.0, abs=1e-6)


def test_calibrated_svm_is_never_saved(tmp_path: Path) -> None:
    config = ClassifierConfig(kind="svm")
    svm = EmbeddedInterpreter.train(load_training_data(DATA), config=config)
    with pytest.raises(ValueError, match="no compact form"):
        svm.save(tmp_path / "svm.bin")
    path = tmp_path / "nlu.bin"
    trained = EmbeddedInterpreter.load_or_train([DATA], path, config=config)
    assert trained.parse("hallo").intent.name == "greet"
    assert not path.exists()


def test_training_needs_two_intents() -> None:
    data = parse_rasa_yaml("nlu:\n- intent: greet\n  examples: |\n    - hoi\n")
    with pytest.raises(TrainingDataError, match="two intents"):
        EmbeddedInterpreter.train(data)


def test_normalise_text() -> None:
    assert normalise_text("  Patiënt\u200b  DREIGT\n\tmij ") == "patient dreigt mij"
    assert normalise_text("ﬁne Ｃａｆé") == "fine cafe"
    assert len(normalise_text("a" * 100_000)) == MAX_CHARS


# --------------------------------------------------------------------------- persistence


def test_save_and_load_round_trip(interpreter: EmbeddedInterpreter, tmp_path: Path) -> None:
    path = tmp_path / "copy.bin"
    interpreter.save(path)
    loaded = EmbeddedInterpreter.load(path)
    assert loaded.data_fingerprint == interpreter.data_fingerprint
    assert loaded.sklearn_version == SKLEARN_VERSION
    assert loaded.intents == interpreter.intents
    assert loaded.compact
    text = "een patiënt bedreigt me via insta"
    assert loaded.parse(text).ranking == interpreter.parse(text).ranking
    assert loaded.parse(text).entities == interpreter.parse(text).entities
    assert not loaded.parse("help!").acute  # rules are not stored in the file


@pytest.mark.parametrize("content", [b"", b"not a model\n", b"ZORGVEILIG-NLU-MODEL\n{bad json\n"])
def test_load_rejects_foreign_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "model.bin"
    path.write_bytes(content)
    with pytest.raises(ModelFileError):
        EmbeddedInterpreter.load(path)


def _header_and_payload(path: Path) -> tuple[dict[str, object], bytes]:
    magic, header, payload = path.read_bytes().split(b"\n", 2)
    assert magic == b"ZORGVEILIG-NLU-MODEL"
    return json.loads(header), payload


def _write_model(path: Path, header: dict[str, object], payload: bytes) -> None:
    path.write_bytes(b"ZORGVEILIG-NLU-MODEL\n" + json.dumps(header).encode() + b"\n" + payload)


def test_payload_is_numpy_arrays_without_pickle(
    interpreter: EmbeddedInterpreter, tmp_path: Path
) -> None:
    path = tmp_path / "model.bin"
    interpreter.save(path)
    header, payload = _header_and_payload(path)
    assert header["pipeline_version"] == PIPELINE_VERSION
    with np.load(io.BytesIO(payload), allow_pickle=False) as arrays:
        assert {"spec", "classes", "coef_t", "intercept", "entities"} <= set(arrays.files)
        assert all(arrays[name].dtype != object for name in arrays.files)
        assert sorted(arrays["classes"].tolist()) == sorted(interpreter.intents)


def test_load_refuses_a_pickled_payload(interpreter: EmbeddedInterpreter, tmp_path: Path) -> None:
    path = tmp_path / "model.bin"
    interpreter.save(path)
    header, _ = _header_and_payload(path)
    _write_model(path, header, pickle.dumps({"entities": {}}))
    with pytest.raises(ModelFileError, match="corrupt model payload"):
        EmbeddedInterpreter.load(path)


def test_load_rejects_a_payload_without_entities(
    interpreter: EmbeddedInterpreter, tmp_path: Path
) -> None:
    path = tmp_path / "model.bin"
    interpreter.save(path)
    header, payload = _header_and_payload(path)
    with np.load(io.BytesIO(payload), allow_pickle=False) as arrays:
        kept = {name: arrays[name] for name in arrays.files if name != "entities"}
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **kept)
    _write_model(path, header, buffer.getvalue())
    with pytest.raises(ModelFileError, match=r"corrupt model payload \(KeyError\)"):
        EmbeddedInterpreter.load(path)


def test_load_rejects_intents_that_differ_from_the_header(
    interpreter: EmbeddedInterpreter, tmp_path: Path
) -> None:
    path = tmp_path / "model.bin"
    interpreter.save(path)
    header, payload = _header_and_payload(path)
    header["intents"] = ["greet", "deny"]
    _write_model(path, header, payload)
    with pytest.raises(ModelFileError, match="do not match its header"):
        EmbeddedInterpreter.load(path)


def test_load_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError):
        EmbeddedInterpreter.load(tmp_path / "absent.bin")


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def _no_training(*_args: object, **_kwargs: object) -> EmbeddedInterpreter:
    raise AssertionError("the stored model should have been used")


def test_load_or_train_reuses_a_fresh_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = _copy_data(tmp_path)
    path = tmp_path / "model" / "nlu.bin"
    first = EmbeddedInterpreter.load_or_train([data_dir], path)
    assert path.exists()
    monkeypatch.setattr(EmbeddedInterpreter, "train", _no_training)
    second = EmbeddedInterpreter.load_or_train([data_dir], path)
    assert second.data_fingerprint == first.data_fingerprint


def test_load_or_train_retrains_when_data_changes(tmp_path: Path) -> None:
    data_dir = _copy_data(tmp_path)
    path = tmp_path / "nlu.bin"
    first = EmbeddedInterpreter.load_or_train([data_dir], path)
    extra = "nlu:\n- intent: thank\n  examples: |\n    - dank je wel\n    - thanks a lot\n"
    (data_dir / "extra.yml").write_text(extra, encoding="utf-8")
    second = EmbeddedInterpreter.load_or_train([data_dir], path)
    assert second.data_fingerprint != first.data_fingerprint
    assert "thank" in second.intents
    assert EmbeddedInterpreter.load(path).data_fingerprint == second.data_fingerprint


def test_load_or_train_retrains_for_another_sklearn_version(tmp_path: Path) -> None:
    data_dir = _copy_data(tmp_path)
    path = tmp_path / "nlu.bin"
    EmbeddedInterpreter.load_or_train([data_dir], path)
    header, payload = _header_and_payload(path)
    assert header["sklearn_version"] == SKLEARN_VERSION
    header["sklearn_version"] = "0.0.1"
    _write_model(path, header, payload)
    # The file holds no scikit-learn objects, so it loads whatever version trained it ...
    assert EmbeddedInterpreter.load(path).sklearn_version == "0.0.1"
    # ... but load_or_train replaces it by what the installed scikit-learn trains.
    retrained = EmbeddedInterpreter.load_or_train([data_dir], path)
    assert retrained.sklearn_version == SKLEARN_VERSION
    assert EmbeddedInterpreter.load(path).sklearn_version == SKLEARN_VERSION


def test_load_or_train_replaces_an_older_file_format(tmp_path: Path) -> None:
    data_dir = _copy_data(tmp_path)
    path = tmp_path / "nlu.bin"
    EmbeddedInterpreter.load_or_train([data_dir], path)
    header, _ = _header_and_payload(path)
    header["pipeline_version"] = "1"  # the joblib-pickled scikit-learn pipeline
    _write_model(path, header, pickle.dumps({"pipeline": None, "entities": {}}))
    with pytest.raises(ModelFileError, match="model format 1"):
        EmbeddedInterpreter.load(path)
    retrained = EmbeddedInterpreter.load_or_train([data_dir], path)
    assert retrained.parse("hallo").intent.name == "greet"
    assert EmbeddedInterpreter.load(path).compact


def test_load_or_train_retrains_for_another_config(tmp_path: Path) -> None:
    data_dir = _copy_data(tmp_path)
    path = tmp_path / "nlu.bin"
    EmbeddedInterpreter.load_or_train([data_dir], path)
    other = ClassifierConfig(c=1.0)
    retrained = EmbeddedInterpreter.load_or_train([data_dir], path, config=other)
    assert retrained.intents


def test_load_or_train_replaces_a_corrupt_model(tmp_path: Path) -> None:
    data_dir = _copy_data(tmp_path)
    path = tmp_path / "nlu.bin"
    EmbeddedInterpreter.load_or_train([data_dir], path)
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])  # header intact, payload truncated
    interpreter = EmbeddedInterpreter.load_or_train([data_dir], path)
    assert interpreter.parse("hallo").intent.name == "greet"
    EmbeddedInterpreter.load(path)  # rewritten in full


def test_load_or_train_survives_an_unwritable_model_path(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    interpreter = EmbeddedInterpreter.load_or_train([DATA], blocker / "nlu.bin")
    assert interpreter.parse("hallo").intent.name == "greet"


_SERVING_PROBE = """
import json, sys
from bot.runtime import build_runtime
from bot.settings import Settings
runtime = build_runtime(Settings())
result = runtime.interpreter.parse("ik word bedreigd via instagram")
runtime.close()
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"sklearn", "scipy"})
print(json.dumps({"intent": result.intent.name, "heavy": heavy}))
"""


def test_running_bot_with_a_stored_model_does_not_import_scikit_learn(
    model_path: Path, tmp_path: Path
) -> None:
    """Issue 9: sklearn alone costs ~60 MB RSS and ~1 s of start-up."""
    stored = model_path.read_bytes()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZV_")}
    env.update(ZV_DATA_DIR=str(tmp_path / "var"), ZV_NLU_MODEL=str(model_path))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-c", _SERVING_PROBE],
        cwd=tmp_path,  # no .env file
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {"intent": "report_online_threat", "heavy": []}
    assert model_path.read_bytes() == stored  # loaded, not retrained


def test_factory_defaults() -> None:
    assert DEFAULT_DATA_DIR.name == "data"
    assert HELDOUT_DIR.name == "heldout"
    assert DEFAULT_DATA_DIR.parent == HELDOUT_DIR.parent


# --------------------------------------------------------------------------- real data


def _has_yaml(directory: Path) -> bool:
    return directory.is_dir() and any(directory.rglob("*.yml"))


@pytest.mark.skipif(
    not (_has_yaml(DEFAULT_DATA_DIR) and _has_yaml(HELDOUT_DIR)),
    reason="no training data in nlu/data or no held-out data in nlu/heldout yet",
)
def test_real_data_held_out_accuracy_and_acute_recall(tmp_path: Path) -> None:
    interpreter = build_interpreter([DEFAULT_DATA_DIR], tmp_path / "model.bin")
    heldout = load_training_data(HELDOUT_DIR)
    assert heldout.examples
    correct = 0
    missed_acute = []
    for example in heldout.examples:
        result = interpreter.parse(example.text)
        correct += result.intent.name == example.intent
        if example.intent == "acute_danger" and not (
            result.acute or result.intent.name == "acute_danger"
        ):
            missed_acute.append(example.text)
    assert missed_acute == []
    accuracy = correct / len(heldout.examples)
    assert accuracy >= 0.85, f"held-out accuracy {accuracy:.3f}"
