"""The serving-only linear model: the same analyzers and probabilities as scikit-learn."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from nlu.classifier import ClassifierConfig, fit_pipeline, normalise_text, training_examples
from nlu.factory import DEFAULT_DATA_DIR, HELDOUT_DIR
from nlu.linear import (
    Analyzer,
    FeatureBlock,
    LinearModel,
    UnsupportedPipelineError,
    char_wb_ngrams,
    word_ngrams,
)
from nlu.training_data import load_training_data

WORD_TOKENS = r"(?u)\b\w+\b"
SKLEARN_DEFAULT_TOKENS = r"(?u)\b\w\w+\b"
# Letters, digits, punctuation and the whitespace scikit-learn's regex collapses.
TEXTS = st.text(
    alphabet=st.sampled_from(list("aeiouxyzé12 .,!?-'\t\n\u00a0\u2003ß")), max_size=60
) | st.text(max_size=40)


def _fitted(
    texts: list[str], labels: list[str], **vectorizers: TfidfVectorizer
) -> tuple[Any, LinearModel]:
    pipeline = Pipeline(
        [
            ("features", FeatureUnion(list(vectorizers.items()))),
            ("classifier", LogisticRegression(C=10.0, max_iter=3000)),
        ]
    )
    pipeline.fit(texts, labels)
    return pipeline, LinearModel.from_pipeline(pipeline)


def _assert_matches(pipeline: Any, model: LinearModel, texts: list[str]) -> None:
    """`model.probabilities` is `predict_proba` within 1e-5 (the same sums in another order
    over some 40,000 features), None where no feature is known."""
    features = pipeline.named_steps["features"].transform(texts)
    expected = pipeline.named_steps["classifier"].predict_proba(features)
    assert model.classes == tuple(str(c) for c in pipeline.classes_)
    worst = 0.0
    for index, text in enumerate(texts):
        got = model.probabilities(text)
        if features[index].nnz == 0:
            assert got is None, text
            continue
        assert got is not None, text
        worst = max(worst, float(np.abs(got - expected[index]).max()))
    assert worst <= 1e-5, f"largest difference {worst:.2e}"


# --------------------------------------------------------------------------- analyzers


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, low=st.integers(1, 4), extra=st.integers(0, 3), lowercase=st.booleans())
def test_char_wb_analyzer_is_scikit_learns(
    text: str, low: int, extra: int, lowercase: bool
) -> None:
    ngram_range = (low, low + extra)
    reference = TfidfVectorizer(
        analyzer="char_wb", ngram_range=ngram_range, lowercase=lowercase
    ).build_analyzer()
    assert Analyzer("char_wb", ngram_range, lowercase=lowercase)(text) == reference(text)


@settings(max_examples=300, deadline=None)
@given(
    text=TEXTS,
    low=st.integers(1, 3),
    extra=st.integers(0, 2),
    pattern=st.sampled_from([WORD_TOKENS, SKLEARN_DEFAULT_TOKENS, r"(?u)(\w)\w*"]),
    lowercase=st.booleans(),
)
def test_word_analyzer_is_scikit_learns(
    text: str, low: int, extra: int, pattern: str, lowercase: bool
) -> None:
    ngram_range = (low, low + extra)
    reference = TfidfVectorizer(
        analyzer="word", ngram_range=ngram_range, token_pattern=pattern, lowercase=lowercase
    ).build_analyzer()
    analyzer = Analyzer("word", ngram_range, token_pattern=pattern, lowercase=lowercase)
    assert analyzer(text) == reference(text)


def test_ngram_helpers() -> None:
    assert char_wb_ngrams("ab  c", (2, 3)) == [" a", "ab", "b ", " ab", "ab ", " c", "c ", " c "]
    assert word_ngrams(["a", "b", "c"], (1, 2)) == ["a", "b", "c", "a b", "b c"]
    assert word_ngrams(["a", "b", "c"], (2, 3)) == ["a b", "b c", "a b c"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "char_wb", "ngram_range": (0, 2)}, "n-gram range"),
        ({"kind": "char_wb", "ngram_range": (3, 2)}, "n-gram range"),
        ({"kind": "word", "ngram_range": (1, 1)}, "token pattern"),
        ({"kind": "word", "ngram_range": (1, 1), "token_pattern": r"(a)(b)"}, "one group"),
        ({"kind": "char", "ngram_range": (1, 1)}, "unknown analyzer"),
    ],
)
def test_analyzer_validation(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Analyzer(**kwargs)


# --------------------------------------------------------------------------- probabilities


def test_product_model_matches_predict_proba_on_training_and_heldout_texts() -> None:
    """The compact model is the fitted classifier: every training and held-out text."""
    texts, labels = training_examples(load_training_data(DEFAULT_DATA_DIR))
    pipeline = fit_pipeline(texts, labels, ClassifierConfig())
    model = LinearModel.from_pipeline(pipeline)
    heldout = [normalise_text(e.text) for e in load_training_data(HELDOUT_DIR).examples]
    assert len(texts) > 1000
    assert heldout
    _assert_matches(pipeline, model, [*texts, *heldout, "", "ꙮꙮꙮ", "x " * 300])


@pytest.mark.parametrize("classes", [2, 3])
@pytest.mark.parametrize("sublinear_tf", [True, False])
@pytest.mark.parametrize("norm", ["l2", None])
@pytest.mark.parametrize("use_idf", [True, False])
def test_vectorizer_options_match_predict_proba(
    classes: int, sublinear_tf: bool, norm: str | None, use_idf: bool
) -> None:
    texts = [
        "hallo daar",
        "hoi hoi hoi",
        "goedemorgen",
        "nee dank je",
        "nee nee nee",
        "liever niet",
        "ik word bedreigd",
        "hij dreigt mij",
        "bedreiging online",
    ]
    labels = ["greet"] * 3 + ["deny"] * 3 + ["threat"] * 3
    texts, labels = texts[: 3 * classes], labels[: 3 * classes]
    options: dict[str, Any] = {"sublinear_tf": sublinear_tf, "norm": norm, "use_idf": use_idf}
    pipeline, model = _fitted(
        texts,
        labels,
        char=TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4), **options),
        word=TfidfVectorizer(token_pattern=WORD_TOKENS, ngram_range=(1, 2), **options),
    )
    probes = [*texts, "HALLO nee", "dreigt dreigt dreigt hallo", "zzz", "", "q"]
    _assert_matches(pipeline, model, probes)


def test_binary_probabilities_survive_extreme_decisions() -> None:
    block = FeatureBlock(
        Analyzer("word", (1, 1), token_pattern=WORD_TOKENS), ("a", "b"), None, False, False
    )
    model = LinearModel([block], np.array([[1e6, -1e6]]), np.array([0.0]), ["no", "yes"])
    with np.errstate(all="raise"):
        yes = model.probabilities("a")
        no = model.probabilities("b")
    assert yes is not None
    assert no is not None
    assert yes.tolist() == [0.0, 1.0]
    assert no.tolist() == [1.0, 0.0]
    assert model.probabilities("c") is None


# --------------------------------------------------------------------------- conversion


def test_arrays_round_trip_exactly(tmp_path: Path) -> None:
    texts = ["hallo daar", "hoi", "nee dank je", "liever niet", "ik word bedreigd", "hij dreigt"]
    labels = ["greet", "greet", "deny", "deny", "threat", "threat"]
    _, model = _fitted(
        texts,
        labels,
        char=TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), dtype=np.float32),
        word=TfidfVectorizer(token_pattern=WORD_TOKENS, ngram_range=(1, 2), dtype=np.float32),
    )
    buffer = io.BytesIO()
    np.savez_compressed(buffer, allow_pickle=False, **model.to_arrays())
    buffer.seek(0)
    with np.load(buffer, allow_pickle=False) as arrays:
        assert arrays["coef_t"].dtype == np.float32  # as fitted: nothing lost, half the size
        copy = LinearModel.from_arrays(arrays)
    assert copy.classes == model.classes
    assert copy.n_features == model.n_features
    for text in [*texts, "hallo, ik word bedreigd", "zzz"]:
        a, b = model.probabilities(text), copy.probabilities(text)
        assert (a is None and b is None) or (a is not None and b is not None and (a == b).all())


def test_arrays_keep_float64_parameters_exact() -> None:
    block = FeatureBlock(
        Analyzer("word", (1, 1), token_pattern=WORD_TOKENS),
        ("a", "b"),
        np.array([1.0, 1.0 + 1e-12]),
        True,
        True,
    )
    coef = np.array([[0.1, 1.0 / 3.0]])
    arrays = LinearModel([block], coef, np.array([0.0]), ["no", "yes"]).to_arrays()
    assert arrays["coef_t"].dtype == np.float64
    assert arrays["idf_0"].dtype == np.float64
    assert arrays["coef_t"].T.tolist() == coef.tolist()


def test_terms_numpy_would_alter_are_refused() -> None:
    block = FeatureBlock(Analyzer("char_wb", (1, 1)), ("a", "b\x00"), None, False, False)
    model = LinearModel([block], np.zeros((1, 2)), np.zeros(1), ["no", "yes"])
    with pytest.raises(ValueError, match="cannot be stored exactly"):
        model.to_arrays()


def test_malformed_arrays_are_refused() -> None:
    block = FeatureBlock(Analyzer("char_wb", (1, 1)), ("a", "b"), None, False, False)
    arrays = LinearModel([block], np.zeros((1, 2)), np.zeros(1), ["no", "yes"]).to_arrays()
    future = dict(arrays, spec=np.array(json.dumps({"format": 99, "blocks": []})))
    with pytest.raises(ValueError, match="format 99"):
        LinearModel.from_arrays(future)
    with pytest.raises(ValueError, match="shapes"):
        LinearModel.from_arrays(dict(arrays, coef_t=np.zeros((3, 1))))
    with pytest.raises(KeyError):
        LinearModel.from_arrays({k: v for k, v in arrays.items() if k != "terms_0"})
    with pytest.raises(ValueError, match="duplicate"):
        LinearModel.from_arrays(dict(arrays, terms_0=np.array(["a", "a"])))


def test_pipelines_without_a_compact_form_are_refused() -> None:
    texts = ["hallo", "hoi", "nee", "niet"]
    labels = ["greet", "greet", "deny", "deny"]
    svm = fit_pipeline(texts * 3, labels * 3, ClassifierConfig(kind="svm"))
    with pytest.raises(UnsupportedPipelineError, match="LogisticRegression"):
        LinearModel.from_pipeline(svm)
    with pytest.raises(UnsupportedPipelineError, match="strip_accents"):
        _fitted(texts, labels, char=TfidfVectorizer(analyzer="char_wb", strip_accents="ascii"))
    with pytest.raises(UnsupportedPipelineError, match="analyzer"):
        _fitted(texts, labels, char=TfidfVectorizer(analyzer="char"))


def test_sigmoid_reference_values() -> None:
    block = FeatureBlock(
        Analyzer("word", (1, 1), token_pattern=WORD_TOKENS), ("a",), None, False, False
    )
    for weight in [-800.0, -30.0, -1.0, 0.0, 0.5, 30.0, 800.0]:
        model = LinearModel([block], np.array([[weight]]), np.array([0.0]), ["no", "yes"])
        got = model.probabilities("a")
        assert got is not None
        expected = 1.0 / (1.0 + math.exp(-weight)) if weight > -700 else 0.0
        assert got[1] == pytest.approx(expected, rel=1e-12, abs=1e-300)
        assert got.sum() == pytest.approx(1.0)
