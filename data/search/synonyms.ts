/**
 * Words people search by that appear nowhere in the profiles: "LLM", "NLP", "AI", "data science". Each stands for
 * areas and tools the dataset does name, so a hit can say which ("tool Transformers", "area Machine learning").
 * tests/unit/search.test.ts checks that every tool named here is in some profile and every entry finds someone.
 * Kept to the common words: each entry ships in the popup and the options page.
 */
import type { Area } from '../profiles/areas';

export interface SearchConcept {
  /** what people type, separated by "|", in any case; several words are a phrase */
  words: string;
  areas?: Area[];
  /** tool names exactly as the profiles spell them */
  tools?: string[];
}

export const SEARCH_CONCEPTS: SearchConcept[] = [
  // KI (German) and IA (Spanish) are what the interface's other languages call AI.
  { words: 'ml|machine learning|ai|artificial intelligence|ki|ia', areas: ['machine-learning'] },
  {
    words: 'deep learning|neural network|neural networks',
    tools: ['PyTorch', 'TensorFlow', 'Keras', 'JAX', 'Flax', 'Apache MXNet', 'Horovod', 'DeepSpeed', 'PaddlePaddle', 'PyTorch Lightning', 'MLX'],
  },
  {
    words: 'llm|llms|large language model|large language models|language model|language models|gpt|generative ai|genai',
    tools: ['Transformers', 'tiktoken', 'DeepSpeed', 'Liger Kernel', 'vLLM', 'verl', 'Text Generation Inference', 'TencentPretrain', 'ZhiLight', 'LightSeq'],
  },
  { words: 'nlp|natural language processing', tools: ['Transformers', 'tiktoken', 'LAC', 'CLaF', 'khaiii', 'Buffalo'] },
  {
    words: 'data science|data scientist|data scientists|data analysis',
    tools: ['Jupyter', 'pandas', 'NumPy', 'SciPy', 'scikit-learn', 'Prophet', 'CmdStanPy', 'CausalML', 'Orbit', 'Papermill', 'bqplot', 'Metaflow', 'Polars', 'Dask', 'D-Tale', 'DataComPy'],
  },
  { words: 'analytics', areas: ['data'] },
  {
    words: 'data engineering|etl|pipeline|pipelines|workflow|workflows',
    tools: ['Apache Airflow', 'Luigi', 'Flyte', 'Apache Beam', 'Klio', 'Papermill', 'HySDS', 'Metaflow', 'Prefect', 'Dataduct', 'boundary-layer'],
  },
  { words: 'notebook|notebooks', tools: ['Jupyter', 'Papermill'] },
  { words: 'web|backend|api|server', areas: ['web-backend'] },
  { words: 'infra|devops|operations|networking', areas: ['infrastructure'] },
  { words: 'research|scientific computing', areas: ['science'] },
  { words: 'gui|client app', areas: ['desktop-client'] },
  { words: 'developer tools|build tools', areas: ['tooling'] },
  { words: 'type checking|typing', tools: ['mypy', 'pytype', 'Pyre', 'Pyrefly', 'MonkeyType', 'pyanalyze'] },
  { words: 'testing|tests', tools: ['pytest', 'Robot Framework', 'marbles', 'pytest-memray'] },
  { words: 'lint|linting|linter', tools: ['pylint', 'flake8', 'Ruff', 'Black', 'Pyink', 'vulture', 'pyanalyze'] },
  // Short names for tools.
  { words: 'sklearn', tools: ['scikit-learn'] },
  { words: 'torch', tools: ['PyTorch'] },
  { words: 'tf', tools: ['TensorFlow'] },
];
