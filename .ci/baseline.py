#!/usr/bin/env python3
"""The comparison baseline for the triage engine: TF-IDF (word 1-2-grams and character
3-5-grams) with logistic regression from scikit-learn, trained on the same project examples
(assets/assist/train) and evaluated on the same data as `meridian eval`. Prints intent
accuracy, macro-F1 and messages per second on one thread. Used by `make bench`."""

import csv
import glob
import json
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import FeatureUnion, make_pipeline


def load(paths):
    """Texts and intents from JSON Lines files, or from the Bitext CSV."""
    texts, labels = [], []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            if path.endswith(".csv"):
                rows = [(r["instruction"], r["intent"]) for r in csv.DictReader(f)]
            else:
                rows = [(d["text"], d["intent"]) for d in map(json.loads, filter(str.strip, f))]
        texts += [t for t, _ in rows]
        labels += [i for _, i in rows]
    return texts, labels


def main():
    texts, labels = load(sorted(glob.glob("assets/assist/train/*.jsonl")))
    start = time.perf_counter()
    model = make_pipeline(
        FeatureUnion([
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2)),
        ]),
        LogisticRegression(max_iter=2000, C=10.0),
    )
    model.fit(texts, labels)
    trained = time.perf_counter() - start
    print(f"baseline: TF-IDF + logistic regression (scikit-learn), {len(texts)} training examples, trained in {trained:.1f} s")
    for path in sys.argv[1:]:
        x, y = load([path])
        start = time.perf_counter()
        predicted = [model.predict([t])[0] for t in x]
        per_second = len(x) / (time.perf_counter() - start)
        print(f"{path}: {len(x)} messages, intent accuracy {accuracy_score(y, predicted):.1%}, "
              f"macro-F1 {f1_score(y, predicted, labels=sorted(set(y)), average='macro'):.3f}, {per_second:.0f} messages/s (one at a time)")


if __name__ == "__main__":
    main()
