"""The checks of `tools/test_docs.py` can fail: each is run on a small page that has its defect, and on the same page
without it. `python -m pytest tools/test_docs_checks.py` (part of `make docs-test`; needs Chromium, not the docs build).

Each page is set with `page.set_content` in the 1280x900 window of the docs test and read with the same collectors
(`READER`, `ANSWERS`, `FIRST_SCREEN`, `EMPTY_CELLS`) and checks (`*_problems`) as the pages of the site.
"""
import json

import pytest

from test_docs import (ANSWERS, ANSWER_COLUMNS, EMPTY_CELLS, FIRST_SCREEN, READER, ROOT, answer_problems, browser,
                       empty_cell_problems, first_screen_problems, history_problems, raw_maths_problems)

def collect(browser, body:str, what:str, *args):
    "Evaluate collector `what` on a page whose `<main>` holds `body`"
    pg = browser.new_page(viewport={'width': 1280, 'height': 900})
    pg.set_content(f'<html><body style="margin:0"><main style="width:800px;margin-left:240px">{body}</main></body></html>')
    try: return pg.evaluate(what, *args)
    finally: pg.close()

def test_raw_maths_fails(browser):
    "`$\\hat y = $` left as text, a tab that ate `\\t` of `\\times` in a formula or in prose: each one fails"
    bad = collect(browser, r'<p>soft labels $\hat y = $ <code>soft_labels(L, W)</code></p>'
                           '<p>fit on 68\timesx</p><span class="katex"><annotation>68\times7</annotation></span>', READER)
    found = raw_maths_problems(bad)
    assert len(found) == 3, found
    assert [k in ' '.join(found) for k in ('raw maths', 'in prose', 'in the formula')] == [True] * 3
    good = collect(browser, '<p>soft labels <span class="katex"><annotation>\\hat y</annotation>y</span> = '
                            '<code>soft_labels($L$, W)</code></p><pre>$HOME\\bin</pre>', READER)
    assert raw_maths_problems(good) == [], raw_maths_problems(good)

TABLE = '<div class="cell-output" style="overflow-x:auto"><table><thead><tr>{}</tr></thead><tbody><tr>{}</tr></tbody></table></div>'
def _table(cols):
    return TABLE.format(''.join(f'<th>{c}</th>' for c in cols), ''.join(f'<td>{"x" * 40}</td>' for c in cols))

def test_answer_columns_fail(browser):
    "A table whose answer column is off the right of its scroll box fails; the same table with it first passes"
    cols = ['label_model', 'pred', 'pred_prob', 'true_label', 'resp_data', 'resp_data_phi', 'resp_lf']
    assert 'resp_lf' in ANSWER_COLUMNS
    found = answer_problems(collect(browser, _table(cols), ANSWERS, list(ANSWER_COLUMNS)))
    assert len(found) == 1 and '"resp_lf"' in found[0], found
    assert answer_problems(collect(browser, _table(cols[-1:] + cols[:2]), ANSWERS, list(ANSWER_COLUMNS))) == []

def test_first_screen_fails(browser):
    "An index whose figure starts below the first screen fails; one with the figure near the top passes"
    img = '<img alt="chart" style="width:500px;height:300px;display:block">'
    assert first_screen_problems(collect(browser, '<p style="height:1200px">words</p>' + img, FIRST_SCREEN))
    assert first_screen_problems(collect(browser, '<p>words</p>', FIRST_SCREEN))
    assert first_screen_problems(collect(browser, '<p>words</p>' + img, FIRST_SCREEN)) == []

def test_build_warnings_fail(tmp_path):
    "A title cell with prose after its description gets the build's warning; the prose in a cell of its own does not"
    import sys
    sys.path.insert(0, str(ROOT/'tools'))
    from build_docs import title_warning
    md = lambda s: dict(cell_type='markdown', metadata={}, source=s)
    nb = lambda *cs: json.dumps(dict(cells=list(cs), metadata={}, nbformat=4, nbformat_minor=5))
    (tmp_path/'a.ipynb').write_text(nb(md('# Title\n\n> What it is.\n\nThe introduction, lost on the page.')))
    (tmp_path/'b.ipynb').write_text(nb(md('# Title\n\n> What it is.\n- skip_showdoc: true'), md('The introduction.')))
    assert 'drops everything' in title_warning(tmp_path/'a.ipynb')
    assert title_warning(tmp_path/'b.ipynb') == ''

def test_history_fails(browser):
    "An issue number or a commit hash in prose fails; a named checksum, numbers and words do not"
    bad = collect(browser, '<p>Since issue 15 the engine of commit cb5f069 holds X (<code>ff37f4f</code>).</p>', READER)
    found = history_problems(bad)
    assert len(found) == 3, found
    good = collect(browser, '<p>The model file (sha256 <code>53aa5117</code>) gives 1e-12 on 1000000 rows; a '
                            'decade of effaced 2,856 parameters.</p>', READER)
    assert history_problems(good) == [], history_problems(good)

def test_missing_cells_fail(browser):
    "An output table with NaN or None cells fails; a dash for a missing value passes"
    t = '<div class="cell-output"><table><tr><th>dataset</th><th>ours</th></tr><tr><th>{}</th><td>{}</td></tr></table></div>'
    found = empty_cell_problems(collect(browser, t.format('TREC', 'NaN') + t.format('None', '0.5'), EMPTY_CELLS))
    assert len(found) == 2 and 'NaN' in found[0] and 'None' in found[1], found
    assert empty_cell_problems(collect(browser, t.format('TREC', '—'), EMPTY_CELLS)) == []
    doc = t.replace('"cell-output"', '"cell-output cell-output-markdown"')   # show_doc: a default of None
    assert empty_cell_problems(collect(browser, doc.format('default', 'None'), EMPTY_CELLS)) == []

def test_api_to_end():
    "On a page with `api: end` the show_doc cells move under an API heading at the end; other pages keep their order"
    import sys
    sys.path.insert(0, str(ROOT/'tools'))
    from build_docs import api_to_end, API_HEADING
    from execnb.nbio import dict2nb
    def nb(api):
        cells = [dict(cell_type='raw', source=f'---\ntitle: T\n{api}---\n', metadata={}),
                 dict(cell_type='markdown', source='Narrative.', metadata={}),
                 dict(cell_type='code', source='#| echo: false\n#| output: asis\nshow_doc(f)', metadata={}, outputs=[]),
                 dict(cell_type='code', source='f(1)', metadata={}, outputs=[])]
        return dict2nb(dict(cells=cells, metadata={}, nbformat=4, nbformat_minor=5))
    a = nb('api: end\n')
    assert api_to_end(a) == 1
    last = [c.source.split('\n')[-1] for c in a.cells[1:]]
    assert last == ['Narrative.', 'f(1)', 'The functions and classes of this page, in its order.', 'show_doc(f)'], last
    assert a.cells[-2].source.startswith(API_HEADING)
    b = nb('')
    assert api_to_end(b) == 0 and b.cells[2].source.endswith('show_doc(f)')
