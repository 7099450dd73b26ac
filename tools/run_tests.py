#!/usr/bin/env python
"""The project's test command (run by `make test` and CI).
1. `nbdev_export` must not change any file: the library is in sync with the notebooks.
2. `nbdev_clean` must not change any file: the notebooks are clean; `tools/make_readme.py` must not change README.md.
3. Every import in the library is a declared requirement (tools/check_imports.py).
   The layout keeps its rules: a notebook imports only earlier notebooks' modules, no core module is
   over the size limit (tools/check_layout.py).
4. Every notebook in nbs/ runs under nbdev's test runner (cells tagged with a `tst_flags` flag such as `slow` are
   skipped unless `--flags slow` is given). Prints one line per notebook and a closing `N passed, N failed` line;
   exits non-zero on any failure."""
import argparse, hashlib, os, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

def tree_state():
    "Hash of every tracked and untracked-not-ignored file's content."
    files = subprocess.run(['git', 'ls-files', '-co', '--exclude-standard'], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    return {f: hashlib.md5((ROOT / f).read_bytes()).hexdigest() for f in files if (ROOT / f).is_file()}

def unchanged_by(cmd):
    "Run `cmd`; return the files it changed."
    before = tree_state()
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    after = tree_state()
    return sorted(f for f in before.keys() | after.keys() if before.get(f) != after.get(f))

def test_nb(nb, flags):
    "Run one notebook under nbdev_test; returns (notebook, ok, seconds, output tail)."
    t0 = time.perf_counter()
    cmd = [str(BIN / 'nbdev_test'), '--path', str(nb), '--do_print'] + (['--flags', flags] if flags else [])
    env = dict(os.environ, OMP_NUM_THREADS='1', MKL_NUM_THREADS='1', MPLBACKEND='Agg')  # one thread per worker: the problems are small
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
    # nbdev_test exits 1 on a failure; a log line of a passing run (dask's) may say "Failed"
    return nb.name, p.returncode == 0 and 'Success.' in p.stdout, time.perf_counter() - t0, (p.stdout + p.stderr)[-3000:]

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--flags', default='', help="extra tst_flags to run, e.g. 'slow'")
    ap.add_argument('--workers', type=int, default=2)
    ap.add_argument('notebooks', nargs='*', help='notebooks to test (default: all in nbs/)')
    a = ap.parse_args()
    failed = 0
    for name, cmd in [('library in sync (nbdev_export)', [str(BIN / 'nbdev_export')]), ('notebooks clean (nbdev_clean)', [str(BIN / 'nbdev_clean')]),
                      ('README in sync (make_readme)', [sys.executable, str(ROOT / 'tools' / 'make_readme.py')])]:
        changed = unchanged_by(cmd)
        print(f"{'PASS' if not changed else 'FAIL'} {name}" + (f": changed {changed}" if changed else ''), flush=True)
        failed += bool(changed)
    for name, script in [('imports declared', 'check_imports'), ('layout', 'check_layout')]:
        r = subprocess.run([sys.executable, str(ROOT / 'tools' / f'{script}.py')], cwd=ROOT, capture_output=True, text=True)
        print(f"{'PASS' if r.returncode == 0 else 'FAIL'} {name} ({script})" + (f":\n{r.stdout}" if r.returncode else ''), flush=True)
        failed += r.returncode != 0
    nbs = [Path(n).resolve() for n in a.notebooks] or sorted(p for p in (ROOT / 'nbs').glob('*.ipynb') if not p.name.startswith('_'))
    t0 = time.perf_counter()
    with ThreadPoolExecutor(a.workers) as ex:
        for name, ok, secs, out in ex.map(lambda nb: test_nb(nb, a.flags), nbs):
            print(f"{'PASS' if ok else 'FAIL'} {name} ({secs:.1f}s)", flush=True)
            if not ok: print(out, flush=True)
            failed += not ok
    total = 5 + len(nbs)
    print(f"notebooks tested in {time.perf_counter() - t0:.0f}s")
    print(f"{total - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)

if __name__ == '__main__': main()
