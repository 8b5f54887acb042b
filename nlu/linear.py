"""A serving-only TF-IDF + linear classifier: numpy arithmetic, no scikit-learn.

`LinearModel.from_pipeline` copies what a fitted scikit-learn pipeline (a FeatureUnion of
TfidfVectorizers, then a LogisticRegression) needs at parse time: per feature block the
analyzer, the vocabulary, the idf weights and the tf/norm flags, then the coefficients,
intercepts and classes. `probabilities` reproduces `predict_proba` for one text.
`to_arrays` and `from_arrays` convert to and from plain arrays, so `numpy.savez` can store
the model and `numpy.load(..., allow_pickle=False)` can read it back.

Nothing here imports scikit-learn or SciPy except `from_pipeline`, which runs at training
time only.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

__all__ = [
    "Analyzer",
    "FeatureBlock",
    "LinearModel",
    "UnsupportedPipelineError",
    "char_wb_ngrams",
    "word_ngrams",
]

#: Version of the array layout written by `LinearModel.to_arrays`.
ARRAY_FORMAT = 1

# scikit-learn's `_VectorizerMixin._white_spaces`.
_WHITE_SPACES = re.compile(r"\s\s+")


class UnsupportedPipelineError(TypeError):
    """A fitted pipeline that has no `LinearModel` equivalent."""


def char_wb_ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    """Character n-grams inside words padded with a space: scikit-learn's `char_wb`."""
    text = _WHITE_SPACES.sub(" ", text)
    min_n, max_n = ngram_range
    ngrams: list[str] = []
    for word in text.split():
        word = " " + word + " "
        length = len(word)
        for n in range(min_n, max_n + 1):
            if length <= n:  # a short word (length <= n) is counted once
                ngrams.append(word)
                break
            ngrams += [word[i : i + n] for i in range(length - n + 1)]
    return ngrams


def word_ngrams(tokens: Sequence[str], ngram_range: tuple[int, int]) -> list[str]:
    """Token n-grams joined by a space, in scikit-learn's order (no stop words)."""
    min_n, max_n = ngram_range
    if max_n == 1:
        return list(tokens)
    if min_n == 1:
        ngrams = list(tokens)
        min_n += 1
    else:
        ngrams = []
    count = len(tokens)
    for n in range(min_n, min(max_n + 1, count + 1)):
        for i in range(count - n + 1):
            ngrams.append(" ".join(tokens[i : i + n]))
    return ngrams


@dataclass(frozen=True)
class Analyzer:
    """scikit-learn's `char_wb` or `word` analyzer (no accent stripping, no stop words)."""

    kind: Literal["char_wb", "word"]
    ngram_range: tuple[int, int]
    #: The regular expression of word tokens; only for `word`.
    token_pattern: str | None = None
    lowercase: bool = False
    _tokens: re.Pattern[str] | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        low, high = self.ngram_range
        if not 1 <= low <= high:
            raise ValueError(f"bad n-gram range {self.ngram_range}")
        if self.kind == "word":
            if self.token_pattern is None:
                raise ValueError("a word analyzer needs a token pattern")
            pattern = re.compile(self.token_pattern)
            if pattern.groups > 1:
                raise ValueError("a token pattern may capture one group at most")
            object.__setattr__(self, "_tokens", pattern)
        elif self.kind != "char_wb":
            raise ValueError(f"unknown analyzer {self.kind!r}")

    def __call__(self, text: str) -> list[str]:
        """The n-grams of `text`, as the fitted vectorizer's `build_analyzer()` returns them."""
        if self.lowercase:
            text = text.lower()
        if self._tokens is None:
            return char_wb_ngrams(text, self.ngram_range)
        return word_ngrams(self._tokens.findall(text), self.ngram_range)

    def to_json(self) -> dict[str, Any]:
        """The analyzer as JSON-compatible data."""
        return {
            "kind": self.kind,
            "ngram_range": list(self.ngram_range),
            "token_pattern": self.token_pattern,
            "lowercase": self.lowercase,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Analyzer:
        """The analyzer `to_json` described."""
        low, high = data["ngram_range"]
        return cls(
            kind=data["kind"],
            ngram_range=(int(low), int(high)),
            token_pattern=data["token_pattern"],
            lowercase=bool(data["lowercase"]),
        )


@dataclass(frozen=True, eq=False)
class FeatureBlock:
    """One fitted TfidfVectorizer: analyzer, vocabulary and weighting."""

    analyzer: Analyzer
    #: The terms in column order.
    terms: tuple[str, ...]
    #: Inverse document frequencies per column, or None without idf weighting.
    idf: np.ndarray | None
    sublinear_tf: bool
    l2: bool
    vocabulary: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        vocabulary = {term: column for column, term in enumerate(self.terms)}
        if len(vocabulary) != len(self.terms):
            raise ValueError("duplicate terms in a vocabulary")
        if self.idf is not None:
            if self.idf.shape != (len(self.terms),):
                raise ValueError("idf and vocabulary sizes differ")
            object.__setattr__(self, "idf", np.asarray(self.idf, dtype=np.float64))
        object.__setattr__(self, "vocabulary", vocabulary)

    def features(self, text: str) -> tuple[np.ndarray, np.ndarray] | None:
        """Columns and TF-IDF values of the known terms of `text`; None if there are none."""
        grams = Counter(self.analyzer(text))
        # map() looks every gram up in C; unknown grams (None) are dropped after.
        counts = {
            column: count
            for column, count in zip(map(self.vocabulary.get, grams), grams.values(), strict=True)
            if column is not None
        }
        if not counts:
            return None
        columns = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
        values = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        if self.sublinear_tf:
            values = np.log(values) + 1.0
        if self.idf is not None:
            values *= self.idf[columns]
        if self.l2:
            norm = math.sqrt(float(values @ values))
            if norm > 0.0:  # as scikit-learn, leave an all-zero row alone
                values /= norm
        return columns, values


class LinearModel:
    """TF-IDF feature blocks followed by a (binary or multinomial) logistic regression."""

    def __init__(
        self,
        blocks: Sequence[FeatureBlock],
        coef: np.ndarray,
        intercept: np.ndarray,
        classes: Sequence[str],
    ) -> None:
        """`coef` has one row per class (one row for two classes), a column per feature."""
        self.blocks = tuple(blocks)
        self.classes = tuple(str(c) for c in classes)
        n_features = sum(len(b.terms) for b in self.blocks)
        rows = 1 if len(self.classes) == 2 else len(self.classes)
        if len(self.classes) < 2 or len(set(self.classes)) != len(self.classes):
            raise ValueError("a classifier needs two or more distinct classes")
        if coef.shape != (rows, n_features) or intercept.shape != (rows,):
            raise ValueError("coefficient shapes do not match the classes and features")
        # Transposed, so the rows of a message's features are one gather.
        self._coef_t = np.ascontiguousarray(np.asarray(coef, dtype=np.float64).T)
        self._intercept = np.asarray(intercept, dtype=np.float64)
        offsets = np.cumsum([0] + [len(b.terms) for b in self.blocks])
        self._offsets = tuple(int(o) for o in offsets[:-1])

    @property
    def n_features(self) -> int:
        """The number of feature columns."""
        return int(self._coef_t.shape[0])

    def decision(self, text: str) -> np.ndarray | None:
        """The decision function of `text`; None when the model knows none of its features."""
        columns: list[np.ndarray] = []
        values: list[np.ndarray] = []
        for block, offset in zip(self.blocks, self._offsets, strict=True):
            found = block.features(text)
            if found is not None:
                columns.append(found[0] + offset)
                values.append(found[1])
        if not columns:
            return None
        decision: np.ndarray = (
            np.concatenate(values) @ self._coef_t[np.concatenate(columns)] + self._intercept
        )
        return decision

    def probabilities(self, text: str) -> np.ndarray | None:
        """Class probabilities in `classes` order; None when no feature of `text` is known."""
        decision = self.decision(text)
        if decision is None:
            return None
        if decision.shape[0] == 1:  # binary: the one row scores the second class
            positive = _sigmoid(float(decision[0]))
            return np.array([1.0 - positive, positive])
        decision -= decision.max()
        exp = np.exp(decision)
        result: np.ndarray = exp / exp.sum()
        return result

    # ------------------------------------------------------------------ conversion

    @classmethod
    def from_pipeline(cls, pipeline: Any) -> LinearModel:
        """The model of a fitted Pipeline(features=FeatureUnion(TfidfVectorizer...),
        classifier=LogisticRegression); raises UnsupportedPipelineError otherwise.

        Imports scikit-learn: for training code only.
        """
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import FeatureUnion

        features = pipeline.named_steps.get("features")
        classifier = pipeline.named_steps.get("classifier")
        if not isinstance(classifier, LogisticRegression):
            raise UnsupportedPipelineError("the classifier is not a LogisticRegression")
        if not isinstance(features, FeatureUnion) or features.transformer_weights:
            raise UnsupportedPipelineError("the features are not an unweighted FeatureUnion")
        blocks = []
        for name, vectorizer in features.transformer_list:
            if not isinstance(vectorizer, TfidfVectorizer):
                raise UnsupportedPipelineError(f"feature block {name!r} is not a TfidfVectorizer")
            blocks.append(_block_of(name, vectorizer))
        coef = np.asarray(classifier.coef_)
        intercept = np.asarray(classifier.intercept_)
        if len(classifier.classes_) > 2 and coef.shape[0] != len(classifier.classes_):
            raise UnsupportedPipelineError("not a multinomial or binary logistic regression")
        return cls(blocks, coef, intercept, [str(c) for c in classifier.classes_])

    def to_arrays(self) -> dict[str, np.ndarray]:
        """Plain arrays (numbers and unicode strings, no objects) describing the model."""
        spec = {
            "format": ARRAY_FORMAT,
            "blocks": [
                {
                    "analyzer": block.analyzer.to_json(),
                    "sublinear_tf": block.sublinear_tf,
                    "l2": block.l2,
                    "idf": block.idf is not None,
                }
                for block in self.blocks
            ],
        }
        arrays: dict[str, np.ndarray] = {
            "spec": np.array(json.dumps(spec)),
            "classes": _strings(self.classes),
            "coef_t": _compact(self._coef_t),
            "intercept": _compact(self._intercept),
        }
        for index, block in enumerate(self.blocks):
            arrays[f"terms_{index}"] = _strings(block.terms)
            if block.idf is not None:
                arrays[f"idf_{index}"] = _compact(block.idf)
        return arrays

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray]) -> LinearModel:
        """The model `to_arrays` described; raises ValueError or KeyError if malformed."""
        spec = json.loads(str(arrays["spec"][()]))
        if spec.get("format") != ARRAY_FORMAT:
            raise ValueError(f"unknown model array format {spec.get('format')!r}")
        blocks = []
        for index, block in enumerate(spec["blocks"]):
            # Interned: models of several questions share most of their n-grams.
            terms = tuple(sys.intern(str(t)) for t in arrays[f"terms_{index}"].tolist())
            blocks.append(
                FeatureBlock(
                    analyzer=Analyzer.from_json(block["analyzer"]),
                    terms=terms,
                    idf=arrays[f"idf_{index}"] if block["idf"] else None,
                    sublinear_tf=bool(block["sublinear_tf"]),
                    l2=bool(block["l2"]),
                )
            )
        coef_t = arrays["coef_t"]
        if coef_t.ndim != 2:
            raise ValueError("coefficients are not a matrix")
        classes = [str(c) for c in arrays["classes"].tolist()]
        return cls(blocks, coef_t.T, arrays["intercept"], classes)


def _block_of(name: str, vectorizer: Any) -> FeatureBlock:
    """The FeatureBlock of a fitted TfidfVectorizer, if it has one."""
    unsupported = {
        "input": vectorizer.input != "content",
        "preprocessor": vectorizer.preprocessor is not None,
        "tokenizer": vectorizer.tokenizer is not None,
        "strip_accents": bool(vectorizer.strip_accents),
        "stop_words": vectorizer.stop_words is not None,
        "binary": bool(vectorizer.binary),
        "norm": vectorizer.norm not in ("l2", None),
        "analyzer": vectorizer.analyzer not in ("char_wb", "word"),
    }
    reasons = sorted(key for key, bad in unsupported.items() if bad)
    if reasons:
        raise UnsupportedPipelineError(f"feature block {name!r}: unsupported {reasons}")
    kind = vectorizer.analyzer
    low, high = vectorizer.ngram_range
    analyzer = Analyzer(
        kind=kind,
        ngram_range=(int(low), int(high)),
        token_pattern=vectorizer.token_pattern if kind == "word" else None,
        lowercase=bool(vectorizer.lowercase),
    )
    vocabulary: dict[str, int] = vectorizer.vocabulary_
    terms = [""] * len(vocabulary)
    for term, column in vocabulary.items():
        terms[column] = term
    return FeatureBlock(
        analyzer=analyzer,
        terms=tuple(terms),
        idf=np.asarray(vectorizer.idf_) if vectorizer.use_idf else None,
        sublinear_tf=bool(vectorizer.sublinear_tf),
        l2=vectorizer.norm == "l2",
    )


def _strings(values: Sequence[str]) -> np.ndarray:
    """A unicode array of `values`; raises ValueError if numpy would alter one.

    Fixed-width unicode arrays drop trailing NUL characters.
    """
    array = np.array(list(values), dtype=np.str_)
    if array.shape != (len(values),) or array.tolist() != list(values):
        raise ValueError("a string cannot be stored exactly in a numpy array")
    return array


def _compact(values: np.ndarray) -> np.ndarray:
    """`values` as float32 if that loses nothing (scikit-learn fitted in float32), else float64."""
    single = values.astype(np.float32)
    return single if np.array_equal(single, values) else values.astype(np.float64)


def _sigmoid(x: float) -> float:
    """The logistic function without overflow for any finite or infinite `x`."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)
