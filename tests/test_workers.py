import subprocess
import sys
from pathlib import Path

from crawler.workers import COLLECT_AFTER

ROOT = Path(__file__).resolve().parent.parent


def test_an_extraction_worker_sets_the_loaded_pipeline_apart_from_garbage_collection():
    script = ("import gc, sys; from crawler.workers import load_pipeline; load_pipeline(); "
              "print(gc.get_freeze_count(), 'pipeline.process' in sys.modules, *gc.get_threshold())")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    frozen, loaded, *threshold = out.split()
    assert int(frozen) > 10_000 and loaded == "True"
    assert tuple(map(int, threshold)) == COLLECT_AFTER
