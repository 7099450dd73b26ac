"""Browser test of the built docs: `python -m pytest tools/test_docs.py` after `python tools/build_docs.py`.

Serves `_docs/` on 127.0.0.1 (random free port) and opens every page listed in `_docs/_pages.json` in headless
Chromium through Playwright (`$CHROMIUM`, default `/usr/bin/chromium`; `apt-get install chromium`, no
`playwright install` needed). Each page must show its title as h1 and its headings, render its maths with KaTeX,
show its plots and widgets, load nothing from another host and log no console or page errors.
A screenshot of each page goes to `_docs/_screenshots/`. Pages with the explorers of `sif_nb.explain` must also show
their content: the embedded widgets with a control, a table and a plot, or their static views.
"""
import functools, http.server, json, os, re, threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import sync_playwright, TimeoutError as PWTimeout

DOCS = Path(__file__).resolve().parent.parent/'_docs'
CHROMIUM = os.environ.get('CHROMIUM', '/usr/bin/chromium')
ARGS = ('--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update '
        '--disable-sync --no-first-run --disable-quic').split()
PAGES = json.loads((DOCS/'_pages.json').read_text()) if (DOCS/'_pages.json').exists() else []

@pytest.fixture(scope='module')
def url():
    "Base URL of `_docs/` served on a free local port"
    if not PAGES: pytest.fail(f'No {DOCS}/_pages.json: build the docs first (`make docs`)')
    class H(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a): pass
    h = functools.partial(H, directory=str(DOCS))
    srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), h)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f'http://127.0.0.1:{srv.server_port}/'
    srv.shutdown()

@pytest.fixture(scope='module')
def browser():
    "Headless Chromium from the system"
    if not Path(CHROMIUM).exists(): pytest.fail(f'{CHROMIUM} not found: `apt-get install -y chromium`')
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()

def _norm(s): return re.sub(r'[\s`*_]+', ' ', s.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))).strip()

def open_page(browser, url):
    "Open `url` in a new page, blocking other hosts; return the page and the list of problems seen"
    pg, errs = browser.new_page(viewport={'width': 1280, 'height': 900}), []
    def route(r):
        if urlparse(r.request.url).hostname in ('127.0.0.1', None) or r.request.url.startswith('data:'): return r.continue_()
        errs.append(f'external request: {r.request.url}'); r.abort()
    pg.route('**/*', route)
    pg.on('console', lambda m: m.type=='error' and not m.location.get('url', '').endswith('favicon.ico')
          and errs.append(f'console: {m.text} ({m.location.get("url")})'))
    pg.on('pageerror', lambda e: errs.append(f'page error: {e}'))
    pg.on('requestfailed', lambda r: errs.append(f'failed: {r.url}'))
    pg.on('response', lambda r: r.status>=400 and not r.url.endswith('favicon.ico') and errs.append(f'{r.status}: {r.url}'))
    pg.goto(url, wait_until='networkidle')
    return pg, errs

@pytest.mark.parametrize('exp', PAGES, ids=[p['html'] for p in PAGES])
def test_page(url, browser, exp):
    "A notebook page shows its title, headings, maths, plots and widgets, offline and without errors"
    pg, errs = open_page(browser, url+exp['html'])
    for sel,n in (('.katex', exp['maths']), ('.jupyter-widgets', exp['widgets'])):
        if n:
            try: pg.wait_for_selector(sel, timeout=5_000)
            except PWTimeout: errs.append(f'no {sel} after 5s')
    (DOCS/'_screenshots').mkdir(exist_ok=True)
    pg.screenshot(path=DOCS/'_screenshots'/exp['html'].replace('/', '_').replace('.html', '.png'), full_page=True)
    assert not errs, '\n'.join(errs)
    h1 = pg.locator('h1').all_inner_texts()
    assert h1 and _norm(h1[0])==_norm(exp['title']), f'h1 {h1} != title {exp["title"]!r}'
    hs = {_norm(o) for o in pg.locator('h1,h2,h3,h4,h5,h6').all_inner_texts()}
    missing = [h for h in exp['headings'] if '$' not in h and _norm(re.sub(r'\[(.*?)\]\(.*?\)', r'\1', h)) not in hs]
    assert not missing, f'headings missing: {missing}'
    if exp['maths']:
        assert pg.locator('.katex-error').count()==0, 'KaTeX errors'
        assert pg.locator('span.math:not(:has(.katex))').count()==0, 'maths left unrendered'
    n_img = pg.locator('.cell-output img, .cell-output svg').count()
    assert n_img>=exp['images'], f'{n_img} images, expected {exp["images"]}'
    n_w = pg.locator('.cell-output .jupyter-widgets').count()
    assert n_w>=exp['widgets'], f'{n_w} widgets, expected {exp["widgets"]}'
    pg.close()

def test_index(url, browser):
    "`index.html` exists and its sidebar links to every page"
    pg, errs = open_page(browser, url)
    links = set(pg.eval_on_selector_all('#quarto-sidebar a[href], nav a[href]', 'as => as.map(a => a.getAttribute("href"))'))
    links = {l.lstrip('./') for l in links}
    missing = [p['html'] for p in PAGES if p['html'] not in links]
    assert not missing, f'not linked from index.html: {missing}'
    assert not errs, '\n'.join(errs)

EXPLORERS = ('explain.html', 'tutorial_youtube.html')  # pages showing the explorers of `sif_nb.explain`

@pytest.mark.parametrize('exp', [p for p in PAGES if p['html'] in EXPLORERS], ids=lambda p: p['html'])
def test_explorers(url, browser, exp):
    "An explorer page shows each explorer's content: the embedded widget (controls, tables, plot) or its static view"
    pg, errs = open_page(browser, url+exp['html'])
    live = pg.locator('.cell-output .widget-vbox:has(select):has(.widget-html-content table)')
    if exp['widgets']:
        try: live.first.wait_for(timeout=5_000)
        except PWTimeout: errs.append('no explorer widget with a control and a table after 5s')
        plots = pg.locator('.cell-output .widget-html-content img[src^="data:image/png"]')
        assert plots.count() > 0, 'explorer widgets show no plot'
        assert all(b['height'] > 0 for b in (plots.nth(i).bounding_box() or {'height': 0} for i in range(plots.count()))), 'an explorer plot is not shown'
    else:
        assert pg.locator('.cell-output .sif-view:has(table)').count() > 0, 'no explorer widget and no static view'
    assert not errs, '\n'.join(errs)
    pg.close()
