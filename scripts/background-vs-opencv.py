#!/usr/bin/python3
"""Foreground F1 of `mixlab background` and of OpenCV's BackgroundSubtractorMOG2 (its defaults), on the
same synthetic frames (scripts/lib/syntheticFrames.mjs: sensor noise, a flickering two-valued patch,
a moving square after a learning period), scored against the ground-truth masks after the learning
period. Needs Debian's python3-opencv and a built CLI (node scripts/build.mjs):

    /usr/bin/python3 scripts/background-vs-opencv.py [--colour]

OpenCV's mask is foreground where it is 255 (127, its shadow value, is not foreground).
"""
import json
import os
import subprocess
import sys
import tempfile

import cv2
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def score(masks, truth, start):
    tp = fp = fn = 0
    for m, t in zip(masks[start:], truth[start:]):
        p, a = m == 255, t > 0
        tp += int(np.sum(p & a))
        fp += int(np.sum(p & ~a))
        fn += int(np.sum(~p & a))
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return precision, recall, 2 * precision * recall / max(1e-12, precision + recall)


def main():
    colour = '--colour' in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        frames_dir, truth_dir, out_dir = (os.path.join(tmp, d) for d in ('frames', 'truth', 'masks'))
        made = json.loads(subprocess.check_output(
            ['node', os.path.join(ROOT, 'scripts/make-synthetic-frames.mjs'), frames_dir, truth_dir]
            + (['--colour'] if colour else []), text=True))
        names = sorted(os.listdir(frames_dir))
        truth = [cv2.imread(os.path.join(truth_dir, n), cv2.IMREAD_GRAYSCALE) for n in names]
        flag = cv2.IMREAD_COLOR if colour else cv2.IMREAD_GRAYSCALE
        mog2 = cv2.createBackgroundSubtractorMOG2()
        theirs = [mog2.apply(cv2.imread(os.path.join(frames_dir, n), flag)) for n in names]
        ours_run = json.loads(subprocess.check_output(
            ['node', os.path.join(ROOT, 'out/cli/mixlab.cjs'), 'background', frames_dir, '--out', out_dir, '--json'],
            text=True))
        ours = [cv2.imread(os.path.join(out_dir, m), cv2.IMREAD_GRAYSCALE) for m in ours_run['masks']]
        start = made['learning']
        print(f"{made['frames']} frames {made['width']}x{made['height']} "
              f"{'colour' if colour else 'grey'}, scored from frame {start + 1}")
        for who, masks in (('mixlab background', ours), (f'OpenCV {cv2.__version__} MOG2 defaults', theirs)):
            p, r, f1 = score(masks, truth, start)
            print(f'{who:32s} precision {p:.4f}  recall {r:.4f}  F1 {f1:.4f}')


if __name__ == '__main__':
    main()
