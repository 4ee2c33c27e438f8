"""The date chooser against the date rules on the development articles, cross-validated by article.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/date_chooser.py [--curve] [--stability] [--drop-one] [--time] [--one-ensemble] [--settled-too]

Prints the rules' date accuracy (in sample: the rules were written on these articles), the chooser's
with whole articles held out, and on the statements the chooser decides (not settled by their own cue,
tense, post date or transcript line). With --curve, the same with only a share of each fold's training
articles (five draws), to ask whether more development articles would help. With --stability, for several
ensemble sizes: cross-validated accuracy, and how often two choosers fitted on the two halves of the
articles (four random halvings) pick different days for the statements they decide. With --drop-one, how steady
a refit is against a small change in the data: for twenty development articles drawn at random, the chooser fitted
without that one article against the chooser fitted on all, counting the decisions that differ on the other
articles (a rule that moves one article's speakers changes the fit about this much). With --time, how long the
shipped chooser takes for each statement it decides. With --one-ensemble, every fit is one boosted ensemble instead
of the average the chooser ships (`datechoice.SEEDS`), to compare the two. With --settled-too, the chooser also
decides the statements the rules settle (why they were settled becomes a feature), cross-validated the same way, to
set beside the rules on them. The frozen test articles are not read.
"""

import numpy as np

import tracker.extraction.datechoice as datechoice
from tracker.extraction.datechoice import DateChooser, cross_validate, written
from tracker.extraction.train import date_examples

if "--one-ensemble" in __import__("sys").argv:
    datechoice.SEEDS = 1

ex = date_examples("data/articles", "dev")
chosen = cross_validate(ex)
rules = np.array([written(c.rule_day, c.precision[c.rule_day]) == g for c, g, _ in ex])
open_ = np.array([not c.settled for c, _, _ in ex])
print(f"development statements matched: {len(ex)} in {len({a for _, _, a in ex})} articles; "
      f"decided by the chooser: {open_.sum()}")
print(f"rules (in sample): {rules.mean():.3f}   chooser (5-fold by article): {chosen.mean():.3f}")
print(f"on the statements the chooser decides: rules {rules[open_].mean():.3f}, chooser {chosen[open_].mean():.3f}")

if "--curve" in __import__("sys").argv:  # learning curve: a share of each fold's training articles, 5 draws
    from sklearn.model_selection import GroupKFold

    arts = np.array([a for _, _, a in ex])
    rng = np.random.default_rng(0)
    for share in (0.25, 0.5, 0.75, 1.0):
        accs = []
        for _ in range(5 if share < 1 else 1):
            right = 0
            for train, test in GroupKFold(5).split(np.zeros(len(ex)), groups=arts):
                names = sorted(set(arts[train]))
                keep = set(rng.choice(names, max(1, round(share * len(names))), replace=False))
                chooser = DateChooser.fit([ex[i][:2] for i in train if arts[i] in keep])
                right += sum(written(*chooser.choose(ex[i][0])) == ex[i][1] for i in test)
            accs.append(right / len(ex))
        print(f"share of training articles {share:.2f}: chooser {np.mean(accs):.3f} ± {np.std(accs):.3f}")

if "--stability" in __import__("sys").argv:  # does a refit on other articles choose the same days?
    names, open_ = sorted({a for _, _, a in ex}), [c for c, _, _ in ex if not c.settled]
    shipped = dict(datechoice.BOOSTING)
    for n_trees in (50, 100, 200, 400):
        datechoice.BOOSTING["n_estimators"], rng = n_trees, np.random.default_rng(0)
        differ = []
        for _ in range(4):
            half = set(rng.permutation(names)[: len(names) // 2])
            a = DateChooser.fit([e[:2] for e in ex if e[2] in half])
            b = DateChooser.fit([e[:2] for e in ex if e[2] not in half])
            differ.append(np.mean([a.choose(c)[0] != b.choose(c)[0] for c in open_]))
        print(f"{n_trees} trees: chooser (5-fold by article) {cross_validate(ex).mean():.3f}, "
              f"halves disagree on {np.mean(differ):.3f} of the statements they decide")
    datechoice.BOOSTING.update(shipped)

if "--drop-one" in __import__("sys").argv:  # how many decisions a refit without one article moves elsewhere
    full = DateChooser.fit([e[:2] for e in ex])
    names, rng = sorted({a for _, _, a in ex}), np.random.default_rng(0)
    moved = []
    for name in rng.choice(names, 20, replace=False):
        without = DateChooser.fit([e[:2] for e in ex if e[2] != name])
        moved.append(sum(full.choose(c)[0] != without.choose(c)[0] for c, _, a in ex if a != name and not c.settled))
    print(f"dropping one article moves {np.mean(moved):.1f} decisions on the others (median {np.median(moved):.0f}, "
          f"max {max(moved)}) of {sum(not c.settled for c, _, _ in ex)}")

if "--time" in __import__("sys").argv:  # what choosing costs: the shipped chooser on the statements it decides
    import time

    from tracker.extraction.datechoice import shipped_chooser

    chooser, open_ = shipped_chooser(), [c for c, _, _ in ex if not c.settled]
    start = time.perf_counter()
    for c in open_:
        chooser.choose(c)
    print(f"shipped chooser: {1000 * (time.perf_counter() - start) / len(open_):.2f} ms for each of the "
          f"{len(open_)} statements it decides")

if "--settled-too" in __import__("sys").argv:  # the chooser deciding the statements the rules settle, too
    settled = ~open_
    for c, _, _ in ex:
        c.context["settled"], c.settled = float(c.settled), False
    everyone = cross_validate(ex)
    print(f"the chooser deciding every statement (5-fold by article): {everyone.mean():.3f}; on the statements the "
          f"rules settle: rules {rules[settled].mean():.3f}, chooser {everyone[settled].mean():.3f}")
