"""Browser test of the built docs: `python -m pytest tools/test_docs.py` after `python tools/build_docs.py`.

Serves `_docs/` on 127.0.0.1 (random free port) and opens every page listed in `.cache/docs/pages.json` in headless
Chromium (1280x900) through Playwright (`$CHROMIUM`, default `/usr/bin/chromium`; `apt-get install chromium`, no
`playwright install` needed). Each page is opened once; what it shows is collected by `visit` and checked by one
test per defect class, so a failure names the class, the page and the offending text:

- `test_page`: title as h1, its headings, maths rendered by KaTeX, its plots and widgets, nothing loaded from
  another host, no console or page errors;
- `test_wide_content`: no content table or figure wider than its container without a horizontal scroll box that
  shows its scroll bar and a scroll shadow (styles.css; overlay scroll bars show only while scrolling) and is itself
  shown whole (Chromium runs with its scroll bars, which Playwright hides by default); no figure shrunk below 3/4 of
  its size; no text cell of an output table squeezed into a strip (5 lines or more, under 12 em wide);
- `test_entities`: no raw HTML entities (`&#39;`, `&quot;` ...) nor `<br />` as text in prose or outputs;
- `test_outputs_clean`: no Python warnings (`RuntimeWarning` ...) in outputs, no machine paths (`/work/`, `/root/`,
  `/tmp/`, `/home/`, `site-packages`) in outputs or prose;
- `test_links`: no link to the placeholder doc or source hosts of settings.ini/nbdev.yml that do not serve this site;
- `test_inline_maths`: no line break inside inline maths (`$N\\times C$` renders as "N", a line break, "timesC");
- `test_widgets_honest`: a widget whose enabled control (dropdown, slider ...) changes nothing in its view when
  used must be labelled static: an element of class `sif-static-snapshot` showing "static snapshot" in its cell;
- `test_index`, `test_explorers`: the sidebar links every page; explorer pages show their content.
- `test_raw_maths`: no maths left as TeX in prose (`$`, `\\hat`, `^{`), no control characters in prose or in a formula's
  source (a tab where `\\t` of `\\times` was meant);
- `test_answer_columns`: a table's answer column (`ANSWER_COLUMNS`: Table 2's responsible LF and vote, the LF and its
  score, a comparison with gold) lies within the visible width, without scrolling sideways;
- `test_index_first_screen`: the index's first screen (1280x900) shows two thirds of a figure at least;
- `test_build_warnings`: the build dropped nothing (a title cell with prose nbdev drops: `build_docs.title_warning`);
- `test_no_history`: no issue numbers or commit hashes in prose (what is true now, not how it came to be);
- `test_no_missing_cells`: no NaN/None cells in the output tables of the result pages (index, Tutorials, Evidence).

`tools/test_docs_checks.py` runs each of the last six checks on a small page with its defect (it must fail) and without.

A full-page screenshot of each page goes to `_screenshots/` at the top of the repository (git-ignored, outside the
published site; `$DOCS_SCREENSHOTS` overrides); the index's first screen also goes to `index_first_screen.png`.
"""
import configparser, functools, http.server, json, os, re, threading
from pathlib import Path
from urllib.parse import urlparse

import pytest, yaml
from playwright.sync_api import sync_playwright, TimeoutError as PWTimeout

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT/'_docs'
SHOTS = Path(os.environ.get('DOCS_SCREENSHOTS', ROOT/'_screenshots'))
MANIFEST = ROOT/'.cache'/'docs'/'pages.json'
CHROMIUM = os.environ.get('CHROMIUM', '/usr/bin/chromium')
ARGS = ('--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update '
        '--disable-sync --no-first-run --disable-quic').split()
# Playwright hides scroll bars by default: keep them, so that screenshots show what a reader sees and the test can
# check that a scroll box shows its scroll bar
LAUNCH = dict(executable_path=CHROMIUM, args=ARGS, ignore_default_args=['--hide-scrollbars'])
PAGES = json.loads(MANIFEST.read_text()) if MANIFEST.exists() else []
IDS = [p['html'] for p in PAGES]
STATIC_CLS, STATIC_TXT = 'sif-static-snapshot', 'static snapshot'  # the label of an explorer rendered without a kernel

def placeholder_hosts() -> list:
    "URL prefixes of the doc and source hosts named in settings.ini and nbs/nbdev.yml, which do not serve this site"
    cp = configparser.ConfigParser()
    cp.read(ROOT/'settings.ini')
    d = cp['DEFAULT']
    out = [d.get('doc_host', ''), d.get('git_url', '')]
    if d.get('user'): out.append(f"https://github.com/{d['user']}/")
    nbdev = ROOT/d.get('nbs_path', 'nbs')/'nbdev.yml'
    web = (yaml.safe_load(nbdev.read_text()) or {}).get('website', {}) if nbdev.exists() else {}
    out += [web.get('site-url', ''), web.get('repo-url', '')]
    return sorted({o.rstrip('/') for o in out if o.startswith('http')})

HOSTS = placeholder_hosts()

@pytest.fixture(scope='module')
def url():
    "Base URL of `_docs/` served on a free local port"
    if not PAGES: pytest.fail(f'No {MANIFEST}: build the docs first (`make docs`)')
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
        b = p.chromium.launch(**LAUNCH)
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

# ---- what a page shows, collected in the browser

WIDE = r"""() => {
  // content tables and figures wider than the box that shows them, unless that box scrolls horizontally, shows its
  // scroll bar and a scroll shadow (for overlay scroll bars), and is itself shown whole (a scroll box that is cut off or clipped hides its scroll bar); figures
  // shown below 3/4 of their size (their `width` attribute, else their natural width)
  const main = document.querySelector('main') || document.body, out = [];
  const name = e => e.tagName.toLowerCase() + (e.closest('.cell') ? ' in a cell output' : '')
    + ' "' + (e.innerText || e.getAttribute('alt') || e.getAttribute('src') || '').trim().slice(0, 60).replace(/\s+/g, ' ') + '"';
  const ox = a => getComputedStyle(a).overflowX;
  const box = e => {  // the nearest ancestor that scrolls or clips horizontally, or `main`
    for (let a = e.parentElement; a && a !== main && a !== document.body; a = a.parentElement)
      if (ox(a) !== 'visible') return a;
    return main;
  };
  const bar = a => {  // the height of `a`'s horizontal scroll bar (0 when hidden or overlaid)
    const cs = getComputedStyle(a);
    return a.offsetHeight - a.clientHeight - parseFloat(cs.borderTopWidth) - parseFloat(cs.borderBottomWidth);
  };
  const shadow = a => {  // the cue of styles.css: shadows fixed at the box's edges, covers that scroll with the content
    const cs = getComputedStyle(a);
    return cs.backgroundImage.includes('radial-gradient') && cs.backgroundAttachment.includes('local');
  };
  const fits = (r, w, lim) => r.left >= lim.left - 1 && r.right <= lim.right + 1 && w <= lim.width + 1;
  const scrolls = a => a !== main && ['auto', 'scroll'].includes(ox(a));
  const check = e => {  // the problem with showing `e` whole, or null
    const r = e.getBoundingClientRect();
    let cur = e, rr = r, w = scrolls(e) ? r.width : Math.max(r.width, e.scrollWidth || 0);
    for (let a = box(e); ; a = box(a)) {
      const lim = a.getBoundingClientRect();
      if (!fits(rr, w, lim)) {
        if (!scrolls(a)) return `${Math.round(w)} px wide in a ${Math.round(lim.width)} px `
          + (a === main ? 'column' : 'box that clips it') + (cur === e ? '' : ' (its scroll box is cut off)')
          + ' without a horizontal scroll box';
        if (bar(a) < 1) return `${Math.round(w)} px wide in a ${Math.round(lim.width)} px scroll box that shows no scroll bar`;
        if (!shadow(a)) return `${Math.round(w)} px wide in a ${Math.round(lim.width)} px scroll box without a scroll shadow`;
        cur = a; rr = lim; w = lim.width;  // the scroll box shows `e`: it must itself be shown whole
      }
      if (a === main) return null;
    }
  };
  for (const e of main.querySelectorAll('table, img, svg, .cell-output-display > pre, .jupyter-widgets')) {
    if (e.closest('.katex') || e.parentElement.closest('table, svg')) continue;
    const r = e.getBoundingClientRect();
    if (!r.width) continue;
    const p = check(e);
    if (p) out.push(`${name(e)}: ${p}`);
    if (e.tagName === 'IMG' && e.complete) {
      const want = parseFloat(e.getAttribute('width')) || e.naturalWidth;
      if (want && r.width < 0.75 * want)
        out.push(`${name(e)}: shrunk to ${Math.round(r.width)} px of ${Math.round(want)} px (${Math.round(100 * r.width / want)}%)`);
    }
  }
  // text cells of output tables squeezed into a strip (5 lines or more, under 12 em wide): the table should scroll
  for (const c of main.querySelectorAll('.cell-output table td, .cell-output table th')) {
    const r = c.getBoundingClientRect(), fs = parseFloat(getComputedStyle(c).fontSize);
    if (!r.width || r.width >= 12 * fs || c.querySelector('table, img, svg')) continue;
    const rg = document.createRange();
    rg.selectNodeContents(c);
    const lines = new Set([...rg.getClientRects()].filter(q => q.width > 0).map(q => Math.round(q.top))).size;
    if (lines >= 5) out.push(`${name(c)}: a text cell squeezed to ${Math.round(r.width)} px, ${lines} lines`);
  }
  return out;
}"""

TEXTS = r"""() => {
  // text of prose and of outputs, leaving out the code of the notebook's cells and the sidebar/toc
  const main = document.querySelector('main') || document.body;
  const outs = [...main.querySelectorAll('.cell-output')].map(e => e.innerText);
  const clone = main.cloneNode(true);
  clone.querySelectorAll('.cell > .sourceCode, .cell > div.sourceCode, .cell-output, pre, code, .katex, script, style, template, noscript')
    .forEach(e => e.remove());
  return {outputs: outs, prose: clone.innerText};
}"""

LINKS = r"""() => [...document.querySelectorAll('a[href]')].map(a => [a.getAttribute('href'), a.innerText.trim().slice(0, 40)])"""

INLINE_BREAKS = r"""() => [...document.querySelectorAll('.katex:not(.katex-display .katex)')]
  .filter(k => k.querySelector('.katex-html .newline'))
  .map(k => (k.querySelector('annotation') || {}).textContent || k.innerText)"""

READER = r"""() => {
  // what a reader reads as prose: the page's text without code (cells' source, code blocks), maths (KaTeX), scripts,
  // widgets and stream outputs; `text` keeps inline code, `plain` drops it too. textContent, so that control
  // characters (a tab where `\t` of `\times` was meant) are kept. `maths`: the TeX source of each formula.
  const main = document.querySelector('main') || document.body;
  const clone = main.cloneNode(true);
  clone.querySelectorAll('.cell > .sourceCode, .cell > div.sourceCode, pre, .katex, script, style, template, noscript, '
    + 'svg, .jupyter-widgets, .cell-output-stdout, .cell-output-stderr, .cell-output-error').forEach(e => e.remove());
  const text = clone.textContent;
  clone.querySelectorAll('code').forEach(e => e.remove());
  return {text, plain: clone.textContent,
          maths: [...main.querySelectorAll('.katex annotation')].map(a => a.textContent)};
}"""

ANSWERS = r"""(names) => {
  // header cells of tables named in `names` that lie outside the visible width: the part of the table that the
  // boxes around it (scroll boxes, clipping boxes, the text column) show before the reader scrolls
  const main = document.querySelector('main') || document.body, out = [];
  const norm = s => s.replace(/\s+/g, ' ').trim();
  for (const th of main.querySelectorAll('table th')) {
    const name = norm(th.innerText);
    const r = th.getBoundingClientRect();
    if (!names.includes(name) || !r.width) continue;
    const m = main.getBoundingClientRect();
    let left = m.left, right = m.right;
    for (let a = th.parentElement; a && a !== main && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX === 'visible') continue;
      const b = a.getBoundingClientRect();
      left = Math.max(left, b.left + a.clientLeft); right = Math.min(right, b.left + a.clientLeft + a.clientWidth);
    }
    if (r.right > right + 1 || r.left < left - 1) {
      const t = th.closest('table'), head = t.querySelector('th:not(:empty)');
      out.push(`column "${name}" of the table headed "${head ? norm(head.innerText).slice(0, 30) : ''}" spans `
        + `${Math.round(r.left - m.left)}-${Math.round(r.right - m.left)} px of the column; `
        + `${Math.round(left - m.left)}-${Math.round(right - m.left)} px are visible without scrolling`);
    }
  }
  return out;
}"""

FIRST_SCREEN = r"""() => {
  // figures (a PNG, an SVG plot or a canvas at least 200x120 px) and the share of each that the first screen shows
  const main = document.querySelector('main') || document.body, h = window.innerHeight, w = window.innerWidth;
  return [...main.querySelectorAll('img, svg, canvas')].filter(e => !e.closest('.katex')).map(e => {
    const r = e.getBoundingClientRect();
    const seen = Math.max(0, Math.min(r.bottom, h) - Math.max(r.top, 0)) * Math.max(0, Math.min(r.right, w) - Math.max(r.left, 0));
    return {what: e.tagName.toLowerCase() + ' ' + (e.getAttribute('alt') || '').slice(0, 40), width: r.width,
            height: r.height, top: r.top, shown: r.width * r.height ? seen / (r.width * r.height) : 0};
  }).filter(f => f.width >= 200 && f.height >= 120);
}"""

EMPTY_CELLS = r"""() => {
  // cells of output tables that show a missing value (NaN, None ...), per table; not the markdown tables of
  // `show_doc` (a parameter's default may well be None)
  const main = document.querySelector('main') || document.body, out = [];
  const miss = new Set(['NaN', 'nan', 'None', '<NA>', 'NaT', 'null', 'undefined']);
  [...main.querySelectorAll('.cell-output table')].filter(t => !t.closest('.cell-output-markdown')).forEach((t, i) => {
    const cells = [...t.querySelectorAll('td, tbody th')].filter(c => miss.has(c.innerText.trim()));
    if (!cells.length) return;
    const head = t.querySelector('th:not(:empty)');
    out.push({table: i + 1, head: head ? head.innerText.replace(/\s+/g, ' ').trim().slice(0, 30) : '',
              n: cells.length, values: [...new Set(cells.map(c => c.innerText.trim()))]});
  });
  return out;
}"""

def _snippet(text, m, n=40):
    "The text around match `m`, on one line"
    s = text[max(0, m.start()-n):m.end()+n]
    return repr(' '.join(s.split()))

def widget_checks(pg) -> list:
    "Use each top-level widget's first enabled control; return a problem for each that changes nothing and is not labelled static"
    out, roots = [], pg.locator('.cell-output .jupyter-widgets:not(.jupyter-widgets .jupyter-widgets)')
    for i in range(roots.count()):
        root = roots.nth(i)
        cell = root.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " cell ")][1]')
        cell = cell if cell.count() else root
        label = cell.locator(f'.{STATIC_CLS}')
        if label.count() and any(STATIC_TXT in t.lower() for t in label.all_inner_texts()) and label.first.is_visible(): continue
        sel = root.locator('select:not([disabled])')
        ctl = None
        for j in range(sel.count()):
            opts = sel.nth(j).locator('option').all_inner_texts()
            if len(opts) > 1: ctl = (sel.nth(j), opts); break
        if ctl is None:
            if root.locator('input:not([disabled]), button:not([disabled])').count():
                out.append(f'widget {i+1}: has enabled controls, no dropdown to try, and no .{STATIC_CLS} label')
            continue
        s, opts = ctl
        before, cur = root.inner_text(), s.evaluate('e => e.selectedIndex')
        s.select_option(index=(cur + 1) % len(opts))
        pg.wait_for_timeout(600)
        if root.inner_text() == before:
            out.append(f'widget {i+1}: choosing {opts[(cur + 1) % len(opts)]!r} in its dropdown changes nothing, '
                       f'and its cell has no visible .{STATIC_CLS} element saying "{STATIC_TXT}"')
    return out

_seen = {}
def visit(browser, url, exp) -> dict:
    "Open the page of `exp` once, take its screenshot, and collect what the tests check"
    if exp['html'] in _seen: return _seen[exp['html']]
    pg, errs = open_page(browser, url+exp['html'])
    for sel,n in (('.katex', exp['maths']), ('.jupyter-widgets', exp['widgets'])):
        if n:
            try: pg.wait_for_selector(sel, timeout=5_000)
            except PWTimeout: errs.append(f'no {sel} after 5s')
    wide = pg.evaluate(WIDE)  # before the screenshot, which hides the scroll bars (Playwright) for good
    answers = pg.evaluate(ANSWERS, list(ANSWER_COLUMNS))
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS/exp['html'].replace('/', '_').replace('.html', '.png')
    if exp['html']=='index.html': pg.screenshot(path=shot.with_name('index_first_screen.png'))
    pg.screenshot(path=shot, full_page=True)
    r = dict(errs=errs, h1=pg.locator('h1').all_inner_texts(),
             headings={_norm(o) for o in pg.locator('h1,h2,h3,h4,h5,h6').all_inner_texts()},
             katex_errors=pg.locator('.katex-error').count(), unrendered=pg.locator('span.math:not(:has(.katex))').count(),
             images=pg.locator('.cell-output img, .cell-output svg').count(), widgets=pg.locator('.cell-output .jupyter-widgets').count(),
             wide=wide, texts=pg.evaluate(TEXTS), links=pg.evaluate(LINKS),
             inline_breaks=pg.evaluate(INLINE_BREAKS), reader=pg.evaluate(READER),
             answers=answers, first_screen=pg.evaluate(FIRST_SCREEN),
             empty_cells=pg.evaluate(EMPTY_CELLS))
    r['static'] = widget_checks(pg) if r['widgets'] else []
    pg.close()
    _seen[exp['html']] = r
    return r

def _fail(problems, what):
    "Fail with one line per problem, at most 15"
    if problems:
        more = f'\n... and {len(problems)-15} more' if len(problems) > 15 else ''
        pytest.fail(f'{len(problems)} {what}:\n' + '\n'.join(problems[:15]) + more, pytrace=False)

# ---- the checks, one per defect class

@pytest.mark.parametrize('exp', PAGES, ids=IDS)
def test_page(url, browser, exp):
    "A notebook page shows its title, headings, maths, plots and widgets, offline and without errors"
    r = visit(browser, url, exp)
    assert not r['errs'], '\n'.join(r['errs'])
    assert r['h1'] and _norm(r['h1'][0])==_norm(exp['title']), f'h1 {r["h1"]} != title {exp["title"]!r}'
    missing = [h for h in exp['headings'] if '$' not in h and _norm(re.sub(r'\[(.*?)\]\(.*?\)', r'\1', h)) not in r['headings']]
    assert not missing, f'headings missing: {missing}'
    if exp['maths']:
        assert r['katex_errors']==0, 'KaTeX errors'
        assert r['unrendered']==0, 'maths left unrendered'
    assert r['images']>=exp['images'], f'{r["images"]} images, expected {exp["images"]}'
    assert r['widgets']>=exp['widgets'], f'{r["widgets"]} widgets, expected {exp["widgets"]}'

@pytest.mark.parametrize('exp', PAGES, ids=IDS)
def test_wide_content(url, browser, exp):
    "Tables and figures wider than the text column sit in a horizontal scroll box; figures keep a readable size"
    _fail(visit(browser, url, exp)['wide'], f'cut-off or shrunk outputs on {exp["html"]}')

ENTITY = re.compile(r'&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});|<br\s*/?>|</?(?:p|div|span|b|i)>', re.I)

@pytest.mark.parametrize('exp', PAGES, ids=IDS)
def test_entities(url, browser, exp):
    "No raw HTML (entities such as `&#39;`/`&quot;`, `<br />`) shows as text in prose or outputs"
    t = visit(browser, url, exp)['texts']
    found = [f'{where}: {_snippet(s, m)}' for where, s in [('prose', t['prose'])] + [(f'output {i+1}', o) for i, o in enumerate(t['outputs'])]
             for m in ENTITY.finditer(s)]
    _fail(found, f'raw HTML entities/tags shown as text on {exp["html"]}')

WARNING = re.compile(r'(?<!class )\b\w*Warning\b(?=:|\s*\()')  # a warning shown, not a class documented
PATH = re.compile(r'(?<![\w.])(?:/work/|/root/|/tmp/|/home/|/usr/lib/python|/opt/)\S*|\S*site-packages\S*')

@pytest.mark.parametrize('exp', PAGES, ids=IDS)
def test_outputs_clean(url, browser, exp):
    "Outputs show no Python warnings, and neither outputs nor prose show the build machine's paths"
    t = visit(browser, url, exp)['texts']
    found = [f'output {i+1}: warning {_snippet(o, m)}' for i, o in enumerate(t['outputs']) for m in WARNING.finditer(o)]
    found += [f'output {i+1}: machine path {_snippet(o, m)}' for i, o in enumerate(t['outputs']) for m in PATH.finditer(o)]
    found += [f'prose: machine path {_snippet(t["prose"], m)}' for m in PATH.finditer(t['prose'])]
    _fail(found, f'warnings or machine paths on {exp["html"]}')

@pytest.mark.parametrize('exp', PAGES, ids=IDS)
def test_links(url, browser, exp):
    "No link leaves the site for the placeholder doc/source hosts, which do not serve it"
    bad = [f'{txt or "(no text)"!r} -> {h}' for h, txt in visit(browser, url, exp)['links']
           if any(h==p or h.startswith(p+'/') or h.startswith(p+'#') for p in HOSTS)]
    _fail(bad, f'links to hosts that do not serve this site ({", ".join(HOSTS)}) on {exp["html"]}')

@pytest.mark.parametrize('exp', PAGES, ids=IDS)
def test_inline_maths(url, browser, exp):
    "Inline maths holds no line break (a doubled backslash in the notebook's markdown, e.g. `$N\\\\times C$`)"
    _fail([f'inline maths with a line break: {t!r}' for t in visit(browser, url, exp)['inline_breaks']],
          f'broken inline maths on {exp["html"]}')

@pytest.mark.parametrize('exp', [p for p in PAGES if p['widgets']], ids=[p['html'] for p in PAGES if p['widgets']])
def test_widgets_honest(url, browser, exp):
    "A widget that does not respond to its controls on the static page says it is a static snapshot"
    _fail(visit(browser, url, exp)['static'], f'static widgets that look live on {exp["html"]}')

def test_index(url, browser):
    "`index.html` exists and its sidebar links to every page"
    pg, errs = open_page(browser, url)
    links = set(pg.eval_on_selector_all('#quarto-sidebar a[href], nav a[href]', 'as => as.map(a => a.getAttribute("href"))'))
    links = {l.lstrip('./') for l in links}
    missing = [p['html'] for p in PAGES if p['html'] not in links]
    assert not missing, f'not linked from index.html: {missing}'
    assert not errs, '\n'.join(errs)
    pg.close()

EXPLORERS = ('tutorial_youtube.html', 'widgets.html')  # pages showing the explorers

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

# ---- what keeps a newcomer reading: raw maths, hidden answers, no picture up front, dropped prose, build history,
# missing values. Each check is a function of what `visit` collects, so that tools/test_docs_checks.py can show it
# failing on a small page.

# the columns that answer a table's question (the responsible LF and vote of Table 2, the LF scores, a comparison
# with gold): when a table has one, it must be visible without scrolling sideways; move or drop secondary columns
ANSWER_COLUMNS = ('resp_lf', 'resp_vote', 'resp_vote_lf', 'resp. LF', 'resp. vote: LF', 'vote', 'LF', 'Resp. LF',
                  'Resp. vote', 'lf', 'phi', 'gold_accuracy')

RAW_MATHS = re.compile(r'\$|\\[A-Za-z]+|\\[{}\[\]()]|[_^]\{')
CONTROL = re.compile(r'[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]')   # a tab in prose too
TEX_CONTROL = re.compile(r'[\x00-\x09\x0b-\x1f\x7f]')   # in TeX a tab or backspace is an eaten `\t`/`\b`

def _places(pat, text, n=40):
    "The matches of `pat` in `text`, one per place: a match within `n` characters of the previous one is left out"
    out, end = [], -1
    for m in pat.finditer(text):
        if m.start() > end: out.append(m)
        end = m.end() + n
    return out

def raw_maths_problems(reader:dict) -> list:
    "Maths left as TeX (`$`, `\\cmd`, `^{`), control characters in prose, and control characters in a formula's source"
    out = [f'raw maths in prose: {_snippet(reader["plain"], m)}' for m in _places(RAW_MATHS, reader['plain'])]
    out += [f'control character {m[0]!r} in prose: {_snippet(reader["text"], m)}' for m in _places(CONTROL, reader['text'])]
    out += [f'control character {m[0]!r} in the formula {t!r}' for t in reader['maths'] for m in TEX_CONTROL.finditer(t)]
    return list(dict.fromkeys(out))   # one line per place, not per character

ISSUE = re.compile(r'\b(?:issues?|PRs?|pull requests?)\s*#?\d+', re.I)
# lower-case hex of 7-40 characters with digits and letters, not part of a number (`7.993606e-15`)
HASH = re.compile(r'(?<![\w.])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b(?![-+]?\d)')

def history_problems(reader:dict) -> list:
    "Build history in prose: issue or PR numbers, commit hashes (not a checksum named as one: `sha256 53aa5117`)"
    t = reader['text']
    out = [f'issue number in prose: {_snippet(t, m)}' for m in ISSUE.finditer(t)]
    return out + [f'commit hash in prose: {_snippet(t, m)}' for m in HASH.finditer(t)
                  if not re.search(r'sha\d*\W*$', t[max(0, m.start()-12):m.start()], re.I)]

def first_screen_problems(figures:list, share:float=2/3) -> list:
    "The first screen (1280x900) shows no figure, or less than `share` of one"
    if any(f['shown'] >= share for f in figures): return []
    seen = ', '.join(f"{f['what'].strip()} at {round(f['top'])} px ({round(100*f['shown'])}% shown)" for f in figures[:3])
    return [f'the first screen shows no figure ({seen or "no figure on the page"})']

def answer_problems(found:list) -> list:
    "The answer columns `ANSWERS` found outside the visible width (its messages, one per column)"
    return list(found)

def empty_cell_problems(tables:list) -> list:
    "Output tables with missing-value cells (NaN, None): drop those rows, or say what is missing with a word or a dash"
    return [f"output table {t['table']} (headed {t['head']!r}): {t['n']} cells show {'/'.join(t['values'])}" for t in tables]

@pytest.mark.parametrize('exp', PAGES, ids=IDS)
def test_raw_maths(url, browser, exp):
    "No maths shown as TeX (`$\\hat y = $`), no control characters (`68<tab>imes7` for `68\\times7`) in prose or formulas"
    _fail(raw_maths_problems(visit(browser, url, exp)['reader']), f'raw maths or control characters on {exp["html"]}')

@pytest.mark.parametrize('exp', PAGES, ids=IDS)
def test_answer_columns(url, browser, exp):
    "A table's answer column (one of `ANSWER_COLUMNS`) is visible without scrolling sideways"
    _fail(answer_problems(visit(browser, url, exp)['answers']), f'answer columns off-screen on {exp["html"]}')

@pytest.mark.parametrize('exp', PAGES, ids=IDS)
def test_build_warnings(exp):
    "The build dropped nothing from the page: no title cell with prose that nbdev drops (`make docs` warns)"
    _fail(exp.get('warnings', []), f'build warnings for {exp["html"]} ({exp.get("src", "")})')

@pytest.mark.parametrize('exp', PAGES, ids=IDS)
def test_no_history(url, browser, exp):
    "Reader pages say what is true now: no issue numbers, no commit hashes in prose"
    _fail(history_problems(visit(browser, url, exp)['reader']), f'build history on {exp["html"]}')

def result_pages(sections=('Tutorials', 'Evidence')) -> list:
    "The pages of the index and of the sidebar's `sections` (nbs/sidebar.yml): the pages that show results"
    sb = ROOT/'nbs'/'sidebar.yml'
    found = set(re.findall(r'[\w./-]+\.ipynb', json.dumps([o for o in (yaml.safe_load(sb.read_text())['website']['sidebar']
                                                                 ['contents'] if sb.exists() else [])
                                                       if isinstance(o, dict) and o.get('section') in sections])))
    srcs = {f.split('/')[-1] for f in found} | {'index.ipynb'}
    return [p for p in PAGES if p.get('src', '').split('/')[-1] in srcs]

RESULTS = result_pages()

@pytest.mark.parametrize('exp', RESULTS, ids=[p['html'] for p in RESULTS])
def test_no_missing_cells(url, browser, exp):
    "No NaN/None cells in the output tables of the result pages (index, tutorials, evidence)"
    _fail(empty_cell_problems(visit(browser, url, exp)['empty_cells']), f'tables with missing values on {exp["html"]}')

def test_index_first_screen(url, browser):
    "The index's first screen (1280x900, before any scrolling) shows a figure, two thirds of it at least"
    exp = next((p for p in PAGES if p['html']=='index.html'), None)
    if exp is None: pytest.fail('no index.html in the manifest')
    _fail(first_screen_problems(visit(browser, url, exp)['first_screen']), 'index.html: no payoff on the first screen')
