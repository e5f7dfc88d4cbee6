/**
 * The real-server corpus: real Python software from Debian's packages, each run with its default settings (its
 * starter project or hello-world app, a generator's default output), and non-Python controls. For each page,
 * the technologies a correct detector must find there, by rule name, given the real page and its response
 * headers. tests/e2e/real-servers.e2e.ts visits every page with detection on and checks them.
 *
 * An expectation today's detector misses is kept, marked `knownMiss` with what on the page would find it; the
 * test asserts it is STILL missed, so when a fix lands the test fails until the mark is removed. A name with no
 * rule yet ("no rule: ...") stands for software whose pages are recognisable but that no rule describes.
 */
import type { RecipeId } from './servers';

export interface Expected {
  /** A detection rule's name, as the popup shows it. */
  name: string;
  /** Today's detector does not find it: why, and which signal on this page would. */
  knownMiss?: string;
}

export interface CorpusPage {
  /** Path on the server; {token} is replaced by the token the server printed (Jupyter's login link). */
  path: string;
  mustFind: Expected[];
  /** Also really there, so not a false positive if found (Sphinx pages are written by Docutils). */
  mayFind?: string[];
  /** What the page is, when the path does not say. */
  note?: string;
}

export interface CorpusServer {
  recipe: RecipeId;
  /** What runs, as the table shows it. */
  server: string;
  /** Python software; false for the controls, where nothing at all may be found. */
  python: boolean;
  pages: CorpusPage[];
}

const found = (...names: string[]): Expected[] => names.map((name) => ({ name }));

const HTTP_SERVER = 'Python http.server / wsgiref';
const SPHINX_PAGE: CorpusPage = { path: '/', mustFind: found('Sphinx'), mayFind: ['Docutils'] };

export const CORPUS: CorpusServer[] = [
  {
    recipe: 'django-runserver',
    server: 'Django development server (manage.py runserver), default startproject',
    python: true,
    pages: [
      {
        path: '/',
        note: 'the default "The install worked successfully!" page (DEBUG=True, no URLs of its own)',
        mustFind: [
          {
            name: 'Django',
            knownMiss:
              'the welcome page has no form, cookie or admin asset; it is Django\'s own default_urlconf page: <title>The install worked successfully! Congratulations!</title> and links to docs.djangoproject.com/en/<version>/ (release notes, tutorial01, ref/settings/#debug)',
          },
          { name: HTTP_SERVER },
        ],
      },
      { path: '/admin/login/', mustFind: found('Django', HTTP_SERVER) },
    ],
  },
  {
    recipe: 'django-gunicorn',
    server: 'Django under Gunicorn (gunicorn mysite.wsgi)',
    python: true,
    pages: [{ path: '/admin/login/', mustFind: found('Django', 'Gunicorn') }],
  },
  {
    recipe: 'django-daphne',
    server: 'Django under Daphne (daphne mysite.asgi:application)',
    python: true,
    pages: [{ path: '/admin/login/', mustFind: found('Django', 'Daphne') }],
  },
  {
    // uWSGI's HTTP router sends no Server header of its own: only Django is there to be found.
    recipe: 'django-uwsgi',
    server: 'Django under uWSGI (uwsgi --http --module mysite.wsgi)',
    python: true,
    pages: [{ path: '/admin/login/', mustFind: found('Django') }],
  },
  {
    recipe: 'flask-run',
    server: 'Flask hello app, development server (flask run)',
    python: true,
    pages: [{ path: '/', mustFind: found('Flask / Werkzeug') }],
  },
  {
    recipe: 'flask-gunicorn',
    server: 'Flask hello app under Gunicorn',
    python: true,
    pages: [{ path: '/', mustFind: found('Gunicorn') }],
  },
  {
    recipe: 'fastapi-uvicorn',
    server: 'FastAPI first-steps app under Uvicorn',
    python: true,
    pages: [
      { path: '/', note: 'a JSON response', mustFind: found('Uvicorn') },
      { path: '/docs', mustFind: found('FastAPI / Starlette', 'Uvicorn') },
      { path: '/redoc', mustFind: found('FastAPI / Starlette', 'Uvicorn') },
    ],
  },
  {
    recipe: 'quart-hypercorn',
    server: 'Quart hello app under Hypercorn',
    python: true,
    pages: [{ path: '/', mustFind: found('Hypercorn') }],
  },
  {
    recipe: 'pyramid-waitress',
    server: 'Pyramid hello app under Waitress (waitress-serve)',
    python: true,
    pages: [{ path: '/', mustFind: found('Waitress') }],
  },
  {
    recipe: 'tornado',
    server: 'Tornado hello app',
    python: true,
    pages: [{ path: '/', mustFind: found('Tornado') }],
  },
  {
    recipe: 'cherrypy',
    server: 'CherryPy hello app (cherrypy.quickstart)',
    python: true,
    pages: [
      { path: '/', mustFind: found('CherryPy') },
      { path: '/no-such-page', note: 'CherryPy\'s default 404 page', mustFind: found('CherryPy') },
    ],
  },
  {
    recipe: 'twisted-web',
    server: 'Twisted Web static server (twistd web --path), a directory listing',
    python: true,
    pages: [{ path: '/', mustFind: found('Twisted Web') }],
  },
  {
    recipe: 'aiohttp',
    server: 'aiohttp hello app (web.run_app)',
    python: true,
    pages: [{ path: '/', note: 'a text/plain response', mustFind: found('aiohttp') }],
  },
  {
    recipe: 'bottle',
    server: 'Bottle hello app (run(), its default wsgiref server)',
    python: true,
    pages: [{ path: '/hello/world', mustFind: found(HTTP_SERVER) }],
  },
  {
    recipe: 'python-http-server',
    server: 'python3 -m http.server, a directory listing',
    python: true,
    pages: [{ path: '/', mustFind: found(HTTP_SERVER) }],
  },
  {
    recipe: 'mercurial-hg-serve',
    server: 'Mercurial\'s web interface (hg serve), a new repository',
    python: true,
    pages: [
      {
        path: '/',
        mustFind: [
          {
            name: 'Mercurial',
            knownMiss:
              'no rule: hgweb\'s pages load /static/mercurial.js and /static/style-paper.css, have the /static/hgicon.png icon and a logo link to mercurial-scm.org',
          },
          { name: HTTP_SERVER },
        ],
      },
    ],
  },
  {
    recipe: 'radicale',
    server: 'Radicale CalDAV/CardDAV server, its web interface',
    python: true,
    pages: [
      {
        path: '/',
        note: 'redirects to /.web/',
        mustFind: [
          { name: 'Radicale' },
          { name: HTTP_SERVER },
        ],
      },
    ],
  },
  {
    recipe: 'jupyter-notebook',
    server: 'Jupyter Notebook (classic), default token login',
    python: true,
    pages: [
      { path: '/login', note: 'the password/token login page', mustFind: found('Jupyter Notebook / JupyterLab', 'Tornado') },
      {
        path: '/?token={token}',
        note: 'the link the server prints: redirects to /tree?token=..., whose page then drops the token from its address',
        mustFind: [
          { name: 'Jupyter Notebook / JupyterLab' },
          { name: 'Tornado' },
        ],
      },
    ],
  },
  {
    recipe: 'jupyterhub',
    server: 'JupyterHub, default authenticator (PAM) and proxy',
    python: true,
    pages: [{ path: '/', note: 'redirects to the login page, /hub/login', mustFind: found('JupyterHub', 'Tornado') }],
  },
  { recipe: 'sphinx-alabaster', server: 'Sphinx quickstart, default theme (Alabaster), served by nginx', python: true, pages: [SPHINX_PAGE] },
  { recipe: 'sphinx-rtd-theme', server: 'Sphinx quickstart, Read the Docs theme, served by nginx', python: true, pages: [SPHINX_PAGE] },
  { recipe: 'sphinx-furo', server: 'Sphinx quickstart, Furo theme, served by nginx', python: true, pages: [SPHINX_PAGE] },
  { recipe: 'sphinx-pydata', server: 'Sphinx quickstart, PyData theme, served by nginx', python: true, pages: [SPHINX_PAGE] },
  { recipe: 'mkdocs-default', server: 'MkDocs new project, default theme (mkdocs), served by nginx', python: true, pages: [{ path: '/', mustFind: found('MkDocs / Material for MkDocs') }] },
  {
    recipe: 'mkdocs-readthedocs',
    server: 'MkDocs new project, built-in readthedocs theme, served by nginx',
    python: true,
    pages: [
      {
        path: '/',
        mustFind: [{ name: 'MkDocs / Material for MkDocs' }],
      },
    ],
  },
  { recipe: 'mkdocs-material', server: 'MkDocs new project, Material theme, served by nginx', python: true, pages: [{ path: '/', mustFind: found('MkDocs / Material for MkDocs') }] },
  { recipe: 'pelican', server: 'Pelican quickstart, default theme (notmyidea), served by nginx', python: true, pages: [{ path: '/', mustFind: found('Pelican') }] },
  {
    recipe: 'docutils',
    server: 'Docutils rst2html page, served by nginx',
    python: true,
    pages: [
      {
        path: '/',
        mustFind: [{ name: 'Docutils' }],
      },
    ],
  },
  // Controls: the same kinds of pages without Python. Nothing may be found.
  { recipe: 'nginx-default', server: 'nginx, its default page', python: false, pages: [{ path: '/', mustFind: [] }] },
  { recipe: 'apache2-default', server: 'Apache httpd, Debian\'s default page', python: false, pages: [{ path: '/', mustFind: [] }] },
  { recipe: 'php-builtin', server: 'PHP built-in server (php -S), a hello page', python: false, pages: [{ path: '/', mustFind: [] }] },
  { recipe: 'express', server: 'Express hello app (Node)', python: false, pages: [{ path: '/', mustFind: [] }] },
  { recipe: 'jekyll', server: 'Jekyll new site, default theme (minima), served by nginx', python: false, pages: [{ path: '/', mustFind: [] }] },
  { recipe: 'hugo', server: 'Hugo new site, served by nginx', python: false, pages: [{ path: '/', mustFind: [] }] },
];
