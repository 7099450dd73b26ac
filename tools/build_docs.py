"""Build the docs site into `_docs/` offline, without Quarto: `python tools/build_docs.py` (or `make docs`).

1. Each notebook in `nbs/` is executed in a fresh process (execnb's `CaptureShell`, as `nbdev_test` does),
   killed after `--timeout` seconds (default 600, or `$DOCS_TIMEOUT`). Cells with `#| eval: false` never run;
   cells with a `tst_flags` flag from settings.ini (e.g. `#| slow`) are skipped unless the flag is passed in
   `--flags` (or `$DOCS_FLAGS`), e.g. `--flags slow`.
2. nbdev's doc processors (`FilterDefaults`, as in `nbdev_docs`) handle `#| hide`, `#| export`, `show_doc` (its
   cells are added before step 1 and run with the rest) and the title/description front matter; notebooks are saved flat under `.cache/docs/proc/` with nbdev's page names
   (`00_pws.ipynb` -> `pws.html`); ipywidgets outputs are turned into embedded widget state.
3. `smalldocs` (a pure-Python Quarto-like site builder) renders them with a copy of the top-level `_quarto.yml`
   (the `nbs/` prefix stripped from its paths) and `nbs/sidebar.yml`; `index.ipynb` becomes `index.html`
   (a page listing the notebooks is generated when there is none).
4. KaTeX and the Jupyter widget manager (`@jupyter-widgets/html-manager`) are fetched once with `npm pack` into
   `.cache/docs/js/` and copied into `_docs/site_libs/`; CDN links and web-font imports are rewritten/removed,
   so the site needs no network. `_docs/_pages.json` lists what `tools/test_docs.py` should find on each page.

The build exits with status 1 when a notebook fails or times out (its page still shows the traceback).
"""
import dataclasses, inspect, json, multiprocessing as mp, os, re, shutil, subprocess, sys, tarfile, time
from concurrent.futures import ThreadPoolExecutor
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

import yaml
from fastcore.script import call_parse
from fastcore.utils import working_directory
from nbdev.config import get_config
from nbdev.doclinks import nbglob, _nbpath2html

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT/'.cache'/'docs'
NPM = {'katex': 'katex@0.16.11', 'widgets': '@jupyter-widgets/html-manager@1.0.15'}
CSS = ".cell-output-display table {margin-bottom: 1rem; font-size: .875rem}\n.cell-output-display :is(th, td) {padding: .25rem .6rem}\n"
WVIEW, WSTATE = 'application/vnd.jupyter.widget-view+json', 'application/vnd.jupyter.widget-state+json'

def page_name(p:Path) -> Path:
    "nbdev's name for the page of notebook `p`, as a notebook path (`00_pws.ipynb` -> `pws.ipynb`)"
    return _nbpath2html(Path(p)).with_suffix('.ipynb')

def _anno(a) -> str:
    "An annotation as a reader writes it: `ndarray`, `int | None`, `None` (not `NoneType`), no module prefixes"
    if a is inspect.Parameter.empty: return ''
    if a is None or a is type(None): return 'None'
    s = a if isinstance(a, str) else a.__qualname__ if isinstance(a, type) else str(a)
    s = re.sub(r'\b(?:[a-z_]\w*\.)+(?=[A-Za-z_])', '', s)  # `numpy.ndarray` -> `ndarray`, `typing.` dropped
    return s.replace('NoneType', 'None').replace("'", '')

def _default(d) -> str:
    "A default value as written in code: names for functions and classes, `repr` otherwise"
    if d is inspect.Parameter.empty: return ''
    return getattr(d, '__qualname__', None) or repr(d)

def md_escape(s:str) -> str:
    "`s` with markdown's emphasis characters escaped (`SIF.__call__` stays `SIF.__call__`, not `SIF.call`)"
    return re.sub(r'([\\`*_\[\]<>|])', r'\\\1', s)

def _cell(s:str) -> str:
    "Markdown text fit for a table cell: one line, pipes escaped outside maths"
    s = ' '.join(str(s).split())
    parts = re.split(r'(\$[^$]*\$)', s)
    return ''.join(p if i % 2 else p.replace('|', '\\|') for i, p in enumerate(parts))

class DocRenderer:
    """`show_doc`'s markdown for the site: `class X(...)`/`def f(...)->T` signatures without docments, then the
    docstring and a table of parameters whose docments render as markdown (links, maths); no source link."""
    def __init__(self, sym, name=None, title_level:int=3, maxline:int=90):
        from fastcore.docments import docments, qual_name, _unwrap_sym, _docstring
        self.sym = _unwrap_sym(sym)
        self.nm, self.title_level, self.maxline = name or qual_name(self.sym), title_level, maxline
        self.docs = _docstring(self.sym)
        self.is_class = inspect.isclass(self.sym)
        try: self.sig = inspect.signature(self.sym, eval_str=True)
        except (ValueError, TypeError, NameError): self.sig = None
        fs = dataclasses.fields(self.sym) if dataclasses.is_dataclass(self.sym) else []
        self.factories = {f.name: f'field(default_factory={_default(f.default_factory)})' for f in fs
                          if f.default_factory is not dataclasses.MISSING}
        try: self.dm = docments(self.sym, full=True, eval_str=True)
        except Exception: self.dm = {}

    def params(self) -> list:
        "(name, annotation, default, docment) of each parameter, `self` left out"
        if self.sig is None: return []
        out = []
        for k, p in self.sig.parameters.items():
            if k == 'self': continue
            star = '*' if p.kind==p.VAR_POSITIONAL else '**' if p.kind==p.VAR_KEYWORD else ''
            doc = (self.dm.get(k) or {}).get('docment') or ''
            out.append((star + k, _anno(p.annotation), self.factories.get(k) or _default(p.default), doc))
        return out

    def signature(self) -> str:
        "The signature as code: on one line when it fits `maxline`, else one parameter a line"
        ps = [n + (f':{a}' if a else '') + (f'={d}' if d else '') for n, a, d, _ in self.params()]
        ret = '' if self.is_class or self.sig is None else _anno(self.sig.return_annotation)
        ret = f'->{ret}' if ret else ''
        kw = 'class' if self.is_class else 'async def' if inspect.iscoroutinefunction(self.sym) else 'def'
        one = f"{kw} {self.nm}({', '.join(ps)}){ret}"
        if len(one) <= self.maxline or not ps: return one
        lines = ['']
        for p in ps:
            if lines[-1] and len(lines[-1]) + len(p) + 6 > self.maxline: lines.append('')
            lines[-1] += f'{p}, '
        return f"{kw} {self.nm}(\n" + ''.join(f'    {l.rstrip()}\n' for l in lines).rstrip(',\n') + f"\n){ret}"

    def table(self) -> str:
        "The parameters as a markdown table (Type, Default, Details), or '' when none is documented"
        ps, ret = self.params(), (self.dm.get('return') or {})
        if not any(d for *_, d in ps) and not ret.get('docment'): return ''
        rows = ['|  | **Type** | **Default** | **Details** |', '|---|---|---|---|']
        rows += [f'| {md_escape(n)} | {md_escape(a)} | {md_escape(d)} | {_cell(doc)} |' for n, a, d, doc in ps]
        if ret.get('docment') and not self.is_class:
            rows.append(f"| **Returns** | {md_escape(_anno(ret.get('anno', inspect.Parameter.empty)))} | | {_cell(ret['docment'])} |")
        return '\n'.join(rows)

    def _repr_markdown_(self):
        doc = f"---\n\n{'#'*self.title_level} {md_escape(self.nm)}\n\n```python\n{self.signature()}\n```\n"
        if self.docs: doc += f'\n*{self.docs}*\n' if '\n' not in self.docs else f'\n{self.docs}\n'
        tbl = self.table()
        return doc + (f'\n{tbl}\n' if tbl else '')

    def __repr__(self): return self.signature()

def _no_eval(skip):
    "Predicate for the cells `nbdev_test` would not run with `skip` flags"
    def f(cell):
        d = cell.directives_ or {}
        return (cell.cell_type!='code' or 'nbdev_export'+'(' in cell.source
                or d.get('eval:', [''])[0].lower()=='false' or bool(skip & d.keys()))
    return f

def embed_widgets(nb, prefix=''):
    "Replace widget outputs by widget-view scripts, and append the widget state and the widget manager"
    from execnb.nbio import mk_cell
    state = (nb.metadata.get('widgets') or {}).get(WSTATE, {})
    n = 0
    for o in (o for c in nb.cells for o in c.get('outputs', [])):
        v = o.get('data', {}).get(WVIEW)
        if v and v.get('model_id') in state.get('state', {}):
            o['data'] = {'text/html': f'<script type="{WVIEW}">{json.dumps(v)}</script>'}
            n += 1
    if not n: return
    js = json.dumps(state).replace('</', '<\\/')
    nb.cells.append(mk_cell(f'<script type="{WSTATE}">{js}</script>\n\n'
                            f'<script src="{prefix}site_libs/widgets/embed.js"></script>', 'raw'))

def check_title(nb, src):
    "Warn when the title cell holds more than nbdev keeps (`# title`, `> description`, `- key: value` lines)"
    c = next((c for c in nb.cells if c.cell_type in ('markdown', 'raw')), None)
    if c is None or c.cell_type=='raw' or not re.match(r'#\s', c.source): return
    if any(l.strip() and not re.match(r'[#>-]\s', l) for l in c.source.splitlines()):
        print(f'Warning: {src.name}: nbdev drops everything but the title and description from its title cell')

def widget_state(nb):
    "Save the state of the widgets made in this process in `nb`'s metadata, as `exec_show_docs` does"
    try: from ipywidgets import Widget
    except ImportError: return
    state = Widget.get_manager_state(drop_defaults=True)
    if state['state']: nb.metadata['widgets'] = {WSTATE: state}

def exec_nb(src:Path, dst:Path, skip:set):
    "Execute notebook `src` (skipping `skip` flags), apply nbdev's doc processors, save to `dst`"
    from execnb.nbio import write_nb
    from execnb.shell import CaptureShell
    from nbdev.process import NBProcessor
    from nbdev.processors import FilterDefaults, populate_language, add_show_docs, exec_show_docs
    os.environ['IN_TEST'] = '1'
    sys.path.insert(0, str(ROOT))
    # `show_doc` cells are added first and run with the rest, so nothing is executed twice
    nb = NBProcessor(src, procs=[populate_language, add_show_docs], rm_directives=False, process=True).nb
    check_title(nb, src)
    import nbdev.showdoc
    nbdev.showdoc.BasicMarkdownRenderer = DocRenderer  # `show_doc` looks it up on each call
    k = CaptureShell(src)
    k.run_cell('from nbdev.showdoc import show_doc')
    with working_directory(src.parent): k.run_all(nb, preproc=_no_eval(skip))
    err = any(o.get('output_type')=='error' for c in nb.cells for o in c.get('outputs', []))
    widget_state(nb)
    procs = [p for p in FilterDefaults().procs() if p not in (populate_language, add_show_docs, exec_show_docs)]
    with working_directory(src.parent): NBProcessor(nb=nb, procs=procs, process=True)
    for c in nb.cells:  # pages are named by `page_name`: drop `output-file`, point links to notebooks at them
        if c.cell_type=='raw': c.source = re.sub(r'^output-file:.*\n', '', c.source, flags=re.M)
        if c.cell_type=='markdown':
            c.source = re.sub(r'(\]\()([\w./-]+\.ipynb)', lambda m: m[1]+page_name(m[2]).as_posix(), c.source)
    embed_widgets(nb, '../'*(len(dst.relative_to(CACHE/'proc').parts)-1))
    dst.parent.mkdir(parents=True, exist_ok=True)
    write_nb(nb, dst)
    sys.exit(1 if err else 0)

def run_nb(src:Path, dst:Path, skip:set, timeout:int):
    "Run `exec_nb` in a fresh process killed after `timeout` seconds; return an error message or `None`"
    t = time.time()
    p = mp.get_context('spawn').Process(target=exec_nb, args=(src, dst, skip))
    p.start(); p.join(timeout)
    if p.is_alive(): p.kill(); p.join(); res = f'timed out after {timeout}s'
    else: res = None if p.exitcode==0 else 'raised an error' if p.exitcode==1 else f'died (exit code {p.exitcode})'
    print(f'{src.name}: {res or "ok"} ({time.time()-t:.1f}s)', flush=True)
    return res

def npm_dist(name:str) -> Path:
    "The `dist` folder of npm package `NPM[name]`, fetched once with `npm pack` into `.cache/docs/js`"
    d = CACHE/'js'/name
    if not (d/'package'/'dist').exists():
        d.mkdir(parents=True, exist_ok=True)
        out = subprocess.run(['npm', 'pack', '--silent', NPM[name], '--pack-destination', str(d)],
                             check=True, capture_output=True, text=True).stdout.split()[-1]
        with tarfile.open(d/out) as t: t.extractall(d, filter='data')
    return d/'package'/'dist'

def _map_paths(o, nbs:str):
    "Map the paths in a `_quarto.yml`/`sidebar.yml` value from the repo layout to the flat `proc` layout"
    if isinstance(o, dict): return {k:_map_paths(v, nbs) for k,v in o.items()}
    if isinstance(o, list): return [_map_paths(v, nbs) for v in o]
    if not isinstance(o, str): return o
    if o.startswith(nbs+'/'): o = o[len(nbs)+1:]
    return page_name(o).as_posix() if o.endswith('.ipynb') and '*' not in o else o

def nbs_sidebar(cfg) -> dict:
    "`nbs/sidebar.yml` as `nbdev_sidebar` makes it, with paths relative to the top-level `_quarto.yml`"
    from nbdev.quarto import nbdev_sidebar
    with redirect_stdout(StringIO()) as s: nbdev_sidebar.__wrapped__(path=cfg.nbs_path, printit=True, force=True)
    nbs = cfg.nbs_path.relative_to(ROOT).as_posix()
    def _pre(o):
        if isinstance(o, dict): return {k:_pre(v) for k,v in o.items()}
        if isinstance(o, list): return [_pre(v) for v in o]
        return f'{nbs}/{o}' if isinstance(o, str) and o.endswith('.ipynb') else o
    return _pre(yaml.safe_load(s.getvalue()))

def write_if_changed(p:Path, s:str):
    "Write `s` to `p` unless it already holds it"
    if not p.exists() or p.read_text()!=s: p.write_text(s)

def expectations(dst:Path, html:str) -> dict:
    "What `tools/test_docs.py` should find on the page built from processed notebook `dst`"
    nb = json.loads(dst.read_text())
    src = lambda c: ''.join(c['source'])
    fm = next((yaml.safe_load(src(c).strip().strip('-')) for c in nb['cells'] if c['cell_type']=='raw'
               and src(c).startswith('---')), None) or {}
    md = '\n'.join(src(c) for c in nb['cells'] if c['cell_type']=='markdown')
    md = re.sub(r'```.*?```', '', md, flags=re.S)
    data = [o.get('data', {}) for c in nb['cells'] if c['cell_type']=='code' for o in c.get('outputs', [])]
    return dict(html=html, title=str(fm.get('title', '')), headings=re.findall(r'^#{1,6}[ \t]+(.+?)(?:[ \t]+\{.*\})?[ \t]*$', md, re.M),
                maths=bool(re.search(r'\$[^$]+\$', md)),
                images=sum(any(k.startswith('image/') for k in d) for d in data),
                widgets=sum(WVIEW in d.get('text/html', '') for d in data))

def _prune(o, keep):
    "Sidebar `contents` without the notebooks not in `keep`, nor the sections left empty"
    if isinstance(o, list): return [v for v in (_prune(v, keep) for v in o) if v not in (None, [], {})]
    if isinstance(o, dict) and 'contents' in o and not isinstance(o['contents'], str):
        c = _prune(o['contents'], keep)
        return {**o, 'contents': c} if c or 'href' in o else None
    return None if isinstance(o, str) and o.endswith('.ipynb') and o not in keep else o

def site_config(cfg, proc:Path, built:list):
    "Write `proc/_quarto.yml` and `proc/sidebar.yml`: the top-level `_quarto.yml` and `nbs/sidebar.yml` for `built`"
    rel = cfg.nbs_path.relative_to(ROOT).as_posix()
    sbp = cfg.nbs_path/'sidebar.yml'
    grouped = sbp.exists() and re.search(r'^\s*-?\s*section:', sbp.read_text(), re.M)
    if not sbp.exists() or not (cfg.custom_sidebar or grouped):  # a sidebar with sections is kept as written
        from nbdev.quarto import IndentDumper
        write_if_changed(sbp, yaml.dump(nbs_sidebar(cfg), Dumper=IndentDumper, sort_keys=False))
    sb = _map_paths(yaml.safe_load(sbp.read_text()), rel)
    contents = _prune(sb['website']['sidebar'].get('contents', []), set(built))
    listed = set(re.findall(r'[\w./-]+\.ipynb', json.dumps(sb['website']['sidebar'].get('contents', []))))
    extra = [o for o in built if o not in listed and o!='index.ipynb']
    if extra: print(f'Warning: not in {sbp.name}, listed at the end of the sidebar: {", ".join(extra)}')
    contents += extra
    if (proc/'index.md').exists(): contents.insert(0, 'index.md')
    sb['website']['sidebar']['contents'] = contents
    q = _map_paths(yaml.safe_load((ROOT/'_quarto.yml').read_text()), rel)
    q['project'] = {**q.get('project', {}), 'output-dir': '_docs', 'render': built + ['index.md']*(proc/'index.md').exists()}
    q.get('format', {}).get('html', {}).pop('html-math-method', None)  # smalldocs always uses KaTeX
    q['metadata-files'] = [o for o in q.get('metadata-files', []) if Path(o).name!='sidebar.yml'] + ['sidebar.yml']
    for o in q['metadata-files'][:-1] + [q.get('format', {}).get('html', {}).get('css')]:
        if o and (cfg.nbs_path/o).exists(): shutil.copy(cfg.nbs_path/o, proc/o)
    css = q.get('format', {}).get('html', {}).get('css')
    if css: (proc/css).write_text((proc/css).read_text() + CSS if (proc/css).exists() else CSS)
    (proc/'sidebar.yml').write_text(yaml.dump(sb, sort_keys=False))
    (proc/'_quarto.yml').write_text(yaml.dump(q, sort_keys=False))

def index_md(cfg, pages) -> str:
    "A home page listing `pages`, for when there is no `index.ipynb`"
    items = '\n'.join(f"- [{p['title'] or p['html']}]({p['html']})" for p in pages)
    return f'---\ntitle: "{cfg.title}"\ndescription: "{cfg.description}"\n---\n\n{items}\n'

def vendor_js(docs:Path):
    "Copy KaTeX and the widget manager into `docs/site_libs`; drop CDN links and web-font imports"
    import smalldocs.layout
    libs = docs/'site_libs'
    ign = shutil.ignore_patterns('*.map', '*amd*', '*.mjs')
    for name in NPM: shutil.copytree(npm_dist(name), libs/name, ignore=ign, dirs_exist_ok=True)
    for f in docs.rglob('*.html'):
        rel = os.path.relpath(libs/'katex', f.parent)
        f.write_text(f.read_text().replace(smalldocs.layout.KATEX, rel))
    for f in libs.rglob('*.css'):
        s = f.read_text()
        if '@import' in s: f.write_text(re.sub(r'@import\s+url\([^)]*//[^)]*\)\s*;?', '', s))

def placeholder_hosts(cfg) -> tuple:
    "The site's own URL on the doc host, and the URL prefixes of hosts named in the config that do not serve it"
    site = cfg.doc_host.rstrip('/') + '/' + cfg.get('doc_baseurl', '').strip('/')
    nbdev = yaml.safe_load((cfg.nbs_path/'nbdev.yml').read_text()) if (cfg.nbs_path/'nbdev.yml').exists() else {}
    web = (nbdev or {}).get('website', {})
    other = [cfg.doc_host, cfg.git_url, f"https://github.com/{cfg.user}", web.get('site-url', ''), web.get('repo-url', '')]
    return site.rstrip('/'), sorted({o.rstrip('/') for o in other if o and o.startswith('http')}, key=len, reverse=True)

def local_links(docs:Path, cfg) -> int:
    """Point links to the doc host (nbdev's API links) at the built pages, relative to each page; unlink the ones to
    hosts that do not serve this site (the source host: nbdev's `source` links are dropped). Returns the links changed."""
    site, other = placeholder_hosts(cfg)
    alts = '|'.join(re.escape(o) for o in [site] + other)
    link = re.compile(rf'<a\b([^>]*?)href="((?:{alts})(?:[/#][^"]*)?)"([^>]*)>(.*?)</a>', re.S)
    n = 0
    for f in docs.rglob('*.html'):
        up = os.path.relpath(docs, f.parent)
        up = '' if up=='.' else up + '/'
        def fix(m):
            nonlocal n
            n += 1
            href, text = m[2], m[4]
            if href==site or href.startswith((site+'/', site+'#')):
                path, frag = (href[len(site):].lstrip('/').split('#', 1) + [''])[:2]
                path = path or 'index.html'
                if (docs/path).exists(): return f'<a{m[1]}href="{up}{path}{"#"+frag if frag else ""}"{m[3]}>{text}</a>'
            return '' if re.sub(r'<[^>]+>', '', text).strip()=='source' else f'<span class="unlinked">{text}</span>'
        s = f.read_text()
        new = link.sub(fix, s)
        if new != s: f.write_text(new)
    return n

IMG = re.compile(r'<img\b([^>]*?)src="data:image/png;base64,([A-Za-z0-9+/]{44})')

def readable_figures(docs:Path, keep:float=.75) -> int:
    "Give each inline PNG figure a `min-width` of `keep` times its size: it shrinks to the column, then scrolls"
    import base64, math, struct
    n = 0
    def fix(m):
        nonlocal n
        head = base64.b64decode(m[2])
        if head[:8] != b'\x89PNG\r\n\x1a\n' or 'style=' in m[1]: return m[0]
        w = re.search(r'\bwidth="(\d+)', m[1])
        w = int(w[1]) if w else struct.unpack('>I', head[16:20])[0]
        n += 1
        return f'<img{m[1]}style="min-width:{math.ceil(keep*w)}px" src="data:image/png;base64,{m[2]}'
    for f in docs.rglob('*.html'):
        s = f.read_text()
        new = IMG.sub(fix, s)
        if new != s: f.write_text(new)
    return n

ASSETS = ('.png', '.jpg', '.jpeg', '.gif', '.svg')

def copy_assets(nbs:Path, docs:Path):
    "Copy images that notebooks link to (e.g. `benchmark_loglog.png`, `results/fig2.png`) to the same place in the site"
    for f in nbs.rglob('*'):
        rel = f.relative_to(nbs)
        if f.suffix.lower() in ASSETS and not any(part.startswith(('_', '.')) for part in rel.parts):
            (docs/rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(f, docs/rel)

@call_parse
def main(path:str=None, # Notebooks folder (default: `nbs_path` from settings.ini)
         flags:str=None, # Space separated test flags to run, e.g. `slow` (default: `$DOCS_FLAGS`)
         timeout:int=None, # Per-notebook timeout in seconds (default: `$DOCS_TIMEOUT` or 600)
         n_workers:int=None, # Notebooks executed in parallel (default: CPU count, at most 8)
         file_glob:str='*.ipynb', # Only build notebooks matching this glob
         skip_file_re:str='^[_.]', # Skip notebooks matching this regex (nbdev's default skips `_*`)
        ):
    "Execute the notebooks and render them into a static site in `doc_path` (`_docs/`), offline"
    cfg = get_config()
    nbs = Path(path or cfg.nbs_path).resolve()
    docs, proc = cfg.doc_path, CACHE/'proc'
    flags = os.environ.get('DOCS_FLAGS', '') if flags is None else flags
    timeout = timeout or int(os.environ.get('DOCS_TIMEOUT', 600))
    skip = set(cfg.get('tst_flags', '').split()) - set(flags.split())
    files = sorted(nbglob(nbs, file_glob=file_glob, skip_file_re=skip_file_re, as_path=True))
    if not files: sys.exit(f'No notebooks in {nbs}')
    shutil.rmtree(proc, ignore_errors=True); proc.mkdir(parents=True)
    jobs = [(f, proc/page_name(f.relative_to(nbs))) for f in files]
    t = time.time()
    with ThreadPoolExecutor(n_workers or min(8, os.cpu_count())) as ex:
        errs = list(ex.map(lambda j: run_nb(*j, skip, timeout), jobs))
    print(f'Executed {len(files)} notebooks in {time.time()-t:.1f}s')
    pages = [expectations(d, d.relative_to(proc).with_suffix('.html').as_posix()) for _,d in jobs if d.exists()]
    if not any(p['html']=='index.html' for p in pages): (proc/'index.md').write_text(index_md(cfg, pages))
    site_config(cfg, proc, [p['html'].replace('.html', '.ipynb') for p in pages])
    subprocess.run([sys.executable, '-m', 'smalldocs.cli', 'render', '-q', str(proc)], check=True)
    shutil.rmtree(docs, ignore_errors=True)
    shutil.move(proc/'_docs', docs)
    vendor_js(docs)
    print(f'{local_links(docs, cfg)} links to the placeholder hosts made local or unlinked')
    readable_figures(docs)
    copy_assets(nbs, docs)
    (CACHE/'pages.json').write_text(json.dumps(pages, indent=1))
    print(f'Built {len(pages)} pages into {docs} in {time.time()-t:.1f}s')
    failed = [f'{f.name}: {e}' for (f,_),e in zip(jobs, errs) if e]
    if failed: sys.exit('Notebooks failed:\n' + '\n'.join(failed))
