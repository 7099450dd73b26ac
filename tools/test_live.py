"""Live test of the explorers in JupyterLab: `python -m pytest tools/test_live.py` (or `make docs-live`).

Starts JupyterLab (the `notebook` extra: `pip install -e ".[notebook]"`) on 127.0.0.1, on a free port, with a random
token, in a temporary folder with its own Jupyter config, data, runtime and IPython folders (nothing of the user's is
read or written); the kernel imports `sif_nb` from this checkout (`PYTHONPATH`). In headless Chromium (as
`tools/test_docs.py`: `$CHROMIUM`, default `/usr/bin/chromium`, no `playwright install`; requests to other hosts are
blocked and fail the test) it opens a small notebook that builds `test_point_explorer` on the embedded data
(`sif_nb.data.load_default()`, majority vote and Dawid-Skene), runs it with Run > Run All Cells, then chooses
another point and another label model in the widget's dropdowns and checks that the view changes to that point and
that label model. `$LIVE_NB=nbs/07d_widgets.ipynb` runs that notebook instead (its first explorer is the test-point
explorer; slower). Every wait is bounded (`$LIVE_TIMEOUT`, default 300 s, for the notebook to show the widget; 60 s
for the view to follow a dropdown); the server and its kernels are always shut down. Screenshots before and after go
to `_screenshots/live_*.png` (`$DOCS_SCREENSHOTS` overrides).
"""
import json, os, re, secrets, signal, socket, subprocess, sys, time, urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from test_docs import ROOT, SHOTS, browser   # browser: the shared Chromium fixture

LIVE_NB = os.environ.get('LIVE_NB')
TIMEOUT = int(os.environ.get('LIVE_TIMEOUT', 300))  # s: start, kernel, imports and fits until the widget shows
FOLLOW = 60  # s: for the view to follow one dropdown change (0.2-4 s seen)

CELLS = ["""\
from sif_nb.data import load_default
from sif_nb.label_models import MajorityVote, DawidSkene
from sif_nb.pipeline import fit_pipelines
from sif_nb.widgets import test_point_explorer""", """\
ds = load_default()
pipes = fit_pipelines(ds, [MajorityVote(ds.cardinality), DawidSkene(ds.cardinality)], l2=1e-3)""", """\
test_point_explorer(pipes, ds)"""]

def explorer_nb() -> dict:
    "The notebook the test runs: `$LIVE_NB`, or three cells building one test-point explorer"
    if LIVE_NB: return json.loads((ROOT/LIVE_NB).read_text())
    cells = [dict(cell_type='code', execution_count=None, metadata={}, outputs=[], source=s) for s in CELLS]
    meta = dict(kernelspec=dict(name='python3', display_name='Python 3', language='python'))
    return dict(cells=cells, metadata=meta, nbformat=4, nbformat_minor=5)

def free_port() -> int:
    "A free TCP port on 127.0.0.1"
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]

def wait_up(url:str, proc, log:Path, timeout:float=90):
    "Wait until the server answers `url`; fail when it exits or after `timeout` seconds"
    end = time.time() + timeout
    while time.time() < end:
        if proc.poll() is not None:
            pytest.fail(f'jupyter lab exited with status {proc.returncode}:\n' + log.read_text()[-2000:])
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200: return
        except OSError: pass
        time.sleep(.5)
    pytest.fail(f'jupyter lab did not answer {url} in {timeout}s')

def stop(proc, url:str):
    "Shut the server down (its kernels with it), by REST, then SIGTERM, then SIGKILL of its process group"
    try: urllib.request.urlopen(urllib.request.Request(url, method='POST'), timeout=10).close()
    except OSError: pass
    for sig, wait in ((None, 15), (signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        if sig is not None and proc.poll() is None: os.killpg(proc.pid, sig)
        try: return proc.wait(wait)
        except subprocess.TimeoutExpired: pass

@pytest.fixture(scope='module')
def lab(tmp_path_factory):
    "(base URL, token) of JupyterLab serving a folder that holds `explorer.ipynb`"
    try: import jupyterlab, ipywidgets  # noqa: F401
    except ImportError: pytest.fail('JupyterLab or ipywidgets missing: `make docs-live`, or `pip install -e ".[notebook]"`')
    d = tmp_path_factory.mktemp('lab')
    (d/'work').mkdir()
    (d/'work'/'explorer.ipynb').write_text(json.dumps(explorer_nb(), indent=1))
    (d/'config').mkdir()
    cfg = dict(LabApp=dict(news_url=None, check_for_updates_class='jupyterlab.NeverCheckForUpdate',
                           extension_manager='readonly'), ServerApp=dict(terminals_enabled=False))
    (d/'config'/'jupyter_server_config.json').write_text(json.dumps(cfg))
    settings = {'notebook-extension/tracker': dict(autoStartDefaultKernel=True),  # no kernel dialog
                'apputils-extension/notification': dict(fetchNews='false', checkForUpdates=False)}
    for name, v in settings.items():
        f = d/'settings'/'@jupyterlab'/f'{name}.jupyterlab-settings'
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(json.dumps(v))
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(d/'config'), JUPYTER_DATA_DIR=str(d/'data'),
               JUPYTER_RUNTIME_DIR=str(d/'runtime'), IPYTHONDIR=str(d/'ipython'),
               PYTHONPATH=os.pathsep.join([str(ROOT)] + [p for p in [os.environ.get('PYTHONPATH')] if p]),
               MPLBACKEND='Agg', PYDEVD_DISABLE_FILE_VALIDATION='1')
    port, token = free_port(), secrets.token_hex(16)
    cmd = [sys.executable, '-m', 'jupyterlab', '--no-browser', '--ServerApp.ip=127.0.0.1', f'--ServerApp.port={port}',
           '--ServerApp.port_retries=0', '--allow-root', f'--IdentityProvider.token={token}', f'--ServerApp.root_dir={d/"work"}',
           f'--LabApp.workspaces_dir={d/"workspaces"}', f'--LabApp.user_settings_dir={d/"settings"}']
    log = open(d/'server.log', 'w')
    proc = subprocess.Popen(cmd, env=env, cwd=d/'work', stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f'http://127.0.0.1:{port}/'
    try:
        wait_up(f'{base}api/status?token={token}', proc, d/'server.log')
        yield base, token
    finally:
        stop(proc, f'{base}api/shutdown?token={token}')
        log.close()
        print(f'jupyter lab log: {d/"server.log"}')

@pytest.fixture(scope='module')
def page(browser):
    "A page of headless Chromium that may only talk to 127.0.0.1; `page.blocked` lists what it tried elsewhere"
    pg, blocked = browser.new_page(viewport={'width': 1280, 'height': 900}), []
    def route(r):
        if urlparse(r.request.url).hostname == '127.0.0.1' or r.request.url.startswith('data:'): return r.continue_()
        blocked.append(r.request.url)
        r.abort()
    pg.route('**/*', route)
    pg.blocked = blocked
    try: yield pg
    finally: pg.close()

def errors_shown(pg) -> list:
    "Texts of the tracebacks shown in the notebook's outputs"
    return pg.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]:has-text("Traceback"), '
                      '.jp-RenderedText[data-mime-type="application/vnd.jupyter.error"]').all_inner_texts()

def wait_until(pg, cond, timeout:float, what:str):
    "Poll `cond()` every 0.2 s until it is truthy; fail naming `what` (and any traceback shown) after `timeout` s"
    end = time.time() + timeout
    while time.time() < end:
        if v := cond(): return v
        if errs := errors_shown(pg): pytest.fail(f'a cell failed while waiting for {what}:\n' + errs[0][-3000:])
        pg.wait_for_timeout(200)
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=SHOTS/'live_failed.png', full_page=True)
    pytest.fail(f'no {what} after {timeout}s (screenshot: {SHOTS/"live_failed.png"})')

def run_all(pg, url:str):
    "Open the notebook and run all its cells from the Run menu"
    pg.goto(url, wait_until='domcontentloaded', timeout=60_000)
    pg.locator('.jp-Notebook .jp-Cell').first.wait_for(timeout=90_000)
    def ready():
        "the kernel idle, its dialog (if any) answered with the default kernel"
        select = pg.locator('.jp-Dialog .jp-Dialog-button.jp-mod-accept')
        if select.count(): select.first.click()
        return not select.count() and pg.locator('.jp-StatusBar-TextItem', has_text=re.compile(r'\| Idle$')).count()
    wait_until(pg, ready, 90, 'idle kernel')
    pg.locator('#jp-MainMenu .lm-MenuBar-itemLabel', has_text=re.compile(r'^Run$')).click()
    pg.locator('.lm-Menu-content .lm-Menu-itemLabel', has_text=re.compile(r'^Run All Cells$')).click()

def view_text(root) -> str:
    "What the explorer shows below its controls: the text of its HTML output"
    return '\n'.join(root.locator('.widget-html-content').all_inner_texts())

def shows_point(text:str, k:int) -> bool:
    "Whether the view's text is about test point `k` ('test point #k')"
    return re.search(rf'\bpoint #?{k}\b', text) is not None

def choose(pg, root, select, index:int, what:str) -> tuple:
    "Choose option `index` of `select` like a reader; wait for the view to change; return (new text, seconds)"
    before, t = view_text(root), time.time()
    select.select_option(index=index)
    after = wait_until(pg, lambda: (v := view_text(root)) != before and v, FOLLOW, f'change of the view after choosing {what}')
    pg.wait_for_timeout(300)  # the view is one HTML value: let it settle before reading it again
    return view_text(root), time.time() - t

def test_explorer_live(lab, page):
    "In JupyterLab, the test-point explorer's view follows its point and label-model dropdowns"
    base, token = lab
    t0 = time.time()
    run_all(page, f'{base}lab/tree/explorer.ipynb?token={token}')
    root = page.locator('.jp-OutputArea-output .widget-vbox:has(.widget-dropdown select):has(.widget-html-content table)').first
    wait_until(page, lambda: root.count() and root.is_visible(), TIMEOUT, 'explorer widget with a dropdown and a table')
    shown = time.time() - t0
    SHOTS.mkdir(parents=True, exist_ok=True)
    root.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS/'live_explorer_before.png', full_page=True)
    point, lm = (root.locator('.widget-dropdown', has_text=n).locator('select') for n in ('point', 'label model'))
    opts = point.locator('option').all_inner_texts()
    assert len(opts) > 1, f'one point to choose from: {opts}'
    first = int(re.match(r'#(\d+)', opts[point.evaluate('e => e.selectedIndex')])[1])
    assert shows_point(view_text(root), first), f'the view does not show its point #{first}'
    i = (point.evaluate('e => e.selectedIndex') + 1) % len(opts)
    k = int(re.match(r'#(\d+)', opts[i])[1])
    text, dt_point = choose(page, root, point, i, f'point #{k}')
    assert shows_point(text, k) and not shows_point(text, first), f'the view did not move from point {first} to {k}'
    names = lm.locator('option').all_inner_texts()
    j = (lm.evaluate('e => e.selectedIndex') + 1) % len(names)
    assert len(names) > 1 and f'Responsible votes ({names[j]})' not in text
    text, dt_lm = choose(page, root, lm, j, f'label model {names[j]}')
    assert f'Responsible votes ({names[j]})' in text and shows_point(text, k), f'the view does not show {names[j]} on point {k}'
    page.screenshot(path=SHOTS/'live_explorer_after.png', full_page=True)
    assert not errors_shown(page), errors_shown(page)[0]
    assert not page.blocked, f'requests to other hosts: {page.blocked[:5]}'
    print(f'explorer shown {shown:.1f}s after opening; view followed the point in {dt_point:.1f}s, '
          f'the label model in {dt_lm:.1f}s')
