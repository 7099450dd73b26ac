"""Source-aware influence functions: explain and repair programmatic weak supervision pipelines.

The package face, written by hand (nbdev only updates the version line). The names load lazily
(PEP 562), so `import sif_nb` stays fast: torch is imported on first use of a name that needs it."""
__version__ = "0.1.0"
from importlib import import_module

# public name -> the module that defines it
_FACE = dict(SIF='influence', sif='influence', SIFSettings='influence', SIFResult='results',
             MajorityVote='label_models', DawidSkene='label_models',
             SnorkelLabelModel='snorkel', as_label_model='identity',
             SoftmaxRegression='end_model', MLP='torch_models', EndModel='end_model',
             Pipeline='pipeline', explain_pipeline='pipeline', explain='explanations',
             lf_ablation='ablation',
             repair='components',
             soft_labels='decomposition', lf_summary='pws', load_default='data', load_wrench='data')
__all__ = ['__version__', *_FACE]

def __getattr__(name):
    "Import a face name from its module on first use."
    if name not in _FACE: raise AttributeError(f"module 'sif_nb' has no attribute {name!r}")
    value = getattr(import_module(f'sif_nb.{_FACE[name]}'), name)
    globals()[name] = value
    return value

def __dir__(): return sorted(set(globals()) | set(_FACE))
