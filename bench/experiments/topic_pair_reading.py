"""The pair model reading each statement after the timeline's topic (`topic — text`, as it reads a context).

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/topic_pair_reading.py base|replace|add

Actor-grouped 5-fold cross-validation on the development pairs, as `tracker evaluate` runs it: `base` is the
shipped reading; `replace` puts the topic-first reading in place of the pair model's own (oppose / agree /
neutral); `add` gives the head both. Not shipped (docs/judge.md, "How far careful readers agree with the labels").
"""

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
import tracker.judge.features as F  # noqa: E402
import tracker.judge.train as T  # noqa: E402
from tracker.embed import Embedder  # noqa: E402
from tracker.judge import workflow  # noqa: E402

MODE = sys.argv[1] if len(sys.argv) > 1 else "base"
_shipped = F.pair_model_features


def topic_first(model, batch, *, orders=1):
    base = _shipped(model, batch, orders=orders)
    if MODE == "base" or batch.topic is None:
        return base
    topics = [t or "" for t in batch.topic]
    a = [f"{t} — {x}" if t else x for t, x in zip(topics, batch.text_a)]
    b = [f"{t} — {x}" if t else x for t, x in zip(topics, batch.text_b)]
    ab = F.softmax(model.logits(a, b))
    if MODE == "replace":
        base = base.copy()
        base[:, :3] = ab
        return base
    return np.column_stack([base, ab]).astype(np.float32)


F.pair_model_features = topic_first
data = workflow.labelled_with_features("data/labelled", Embedder(None), pair_model=workflow.pair_model_at(None),
                                       grader=workflow.grader_at(None))
dev = data.subset(np.flatnonzero(~T.frozen_test_mask(data.frame)))
result = T.cross_validate(dev)
print(f"{MODE}: dev CV ROC-AUC {result['model_argmax']['reversal']['roc_auc']}, "
      f"macro-F1 {result['model_argmax']['macro_f1']}")
