/**
 * The real-server corpus: real Python software from Debian's packages, each run with its default settings (its
 * starter project or hello-world app, a generator's default output), and non-Python controls. For each page,
 * the technologies a correct detector must find there, by rule name, given the real page and its response
 * headers. tests/e2e/real-servers.e2e.ts visits every page with detection on and checks them.
 *
 * An expectation today's detector misses is kept, marked `knownMiss` with what on the page would find it; the
 * test asserts it is STILL missed, so when a fix lands the test fails until the mark is removed. A name with no
 * rule yet ("no rule: ...") stands for software whose pages are recognisable but that no rule describes. The
 * other way round, a technology found on a page where it is not (a rule's marker that another app shares) is
 * listed in `wronglyFound` with the reason, and must STILL be found until the rule is fixed and the entry removed.
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
  /** Found today though not there: a rule's marker the page shares. Why, for whoever fixes the rule. */
  wronglyFound?: { name: string; reason: string }[];
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
const RTD_THEME = 'Read the Docs Sphinx theme';
/** A Sphinx site's home page, with its theme; Docutils's generator tag is on every Sphinx page. */
const sphinxPage = (mustFind: Expected[], more: Partial<CorpusPage> = {}): CorpusPage => ({ path: '/', mustFind: [{ name: 'Sphinx' }, ...mustFind], mayFind: ['Docutils'], ...more });

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
    recipe: 'django-debug-toolbar',
    server: 'Django starter project with django-debug-toolbar installed as its docs say (runserver)',
    python: true,
    pages: [{ path: '/admin/login/', mustFind: found('Django', 'Django Debug Toolbar', HTTP_SERVER) }],
  },
  {
    recipe: 'django-rest-framework',
    server: 'Django REST framework\'s README example (runserver), the browsable API',
    python: true,
    pages: [
      {
        path: '/',
        note: 'the API root',
        mustFind: [
          { name: 'Django REST framework' },
          {
            name: 'Django',
            knownMiss:
              'the read-only API root has no form and no admin asset; the csrftoken cookie (weak) is Django\'s only sign on it, and a weak sign alone is not reported',
          },
          { name: HTTP_SERVER },
        ],
      },
      { path: '/api-auth/login/', note: 'its login page', mustFind: found('Django REST framework', 'Django', HTTP_SERVER) },
    ],
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
    recipe: 'flasgger',
    server: 'Flasgger\'s colors example (Debian\'s copy), Flask development server',
    python: true,
    pages: [{ path: '/apidocs/', note: 'its Swagger UI', mustFind: found('Flasgger', 'Flask / Werkzeug') }],
  },
  {
    recipe: 'cheroot',
    server: 'Cheroot\'s WSGI server, its own hello example',
    python: true,
    pages: [{ path: '/', note: 'a text/plain response', mustFind: found('Cheroot') }],
  },
  {
    recipe: 'paste-httpserver',
    server: 'Paste\'s HTTP server (paste.httpserver.serve), a hello WSGI app',
    python: true,
    // PasteWSGIServer is built on http.server's BaseHTTPServer: the http.server rule's "WSGIServer/" is there too.
    pages: [{ path: '/', mustFind: found('Paste HTTP server'), mayFind: [HTTP_SERVER] }],
  },
  {
    recipe: 'mod-wsgi',
    server: 'Apache with mod_wsgi, its quick configuration guide\'s hello script',
    python: true,
    pages: [{ path: '/myapp', note: 'a text/plain response', mustFind: found('mod_wsgi') }],
  },
  {
    recipe: 'mod-python',
    server: 'Apache with mod_python, the publisher handler',
    python: true,
    pages: [{ path: '/hello.py', note: 'a text/plain response', mustFind: found('mod_python') }],
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
        mustFind: found('Radicale', HTTP_SERVER),
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
  {
    recipe: 'glances',
    server: 'Glances in web server mode (glances -w), its web interface',
    python: true,
    pages: [{ path: '/', mustFind: found('Glances', HTTP_SERVER) }],
  },
  {
    recipe: 'deluge-web',
    server: 'Deluge\'s web interface (deluge-web)',
    python: true,
    pages: [
      {
        path: '/',
        mustFind: found('Deluge Web UI', 'Twisted Web'),
      },
    ],
  },
  {
    recipe: 'graphite-web',
    server: 'Graphite\'s web app (graphite-web, Debian\'s settings, runserver as README.Debian says)',
    python: true,
    pages: [{ path: '/', note: 'the composer, a frameset', mustFind: found('Graphite', HTTP_SERVER) }],
  },
  {
    recipe: 'mailman3-web',
    server: 'Mailman 3 web (Postorius and HyperKitty, Debian\'s mailman3-web settings, runserver)',
    python: true,
    pages: [
      { path: '/hyperkitty/', note: 'HyperKitty\'s archive index', mustFind: found('GNU Mailman', HTTP_SERVER) },
      { path: '/accounts/login/', note: 'the sign-in page', mustFind: found('GNU Mailman', 'Django', HTTP_SERVER) },
    ],
  },
  {
    recipe: 'openstack-dashboard',
    server: 'OpenStack Horizon (Debian\'s openstack-dashboard settings, runserver)',
    python: true,
    pages: [{ path: '/', note: 'redirects to the login page, /auth/login/', mustFind: found('OpenStack Horizon', 'Django', HTTP_SERVER) }],
  },
  { recipe: 'sphinx-alabaster', server: 'Sphinx quickstart, default theme (Alabaster), served by nginx', python: true, pages: [sphinxPage(found('Alabaster (Sphinx theme)'))] },
  { recipe: 'sphinx-rtd-theme', server: 'Sphinx quickstart, Read the Docs theme, served by nginx', python: true, pages: [sphinxPage(found(RTD_THEME))] },
  { recipe: 'sphinx-furo', server: 'Sphinx quickstart, Furo theme, served by nginx', python: true, pages: [sphinxPage(found('Furo (Sphinx theme)'))] },
  {
    recipe: 'sphinx-pydata',
    server: 'Sphinx quickstart, PyData theme, served by nginx',
    python: true,
    pages: [sphinxPage(found('PyData Sphinx Theme'))],
  },
  {
    recipe: 'sphinx-book-theme',
    server: 'Sphinx quickstart, Sphinx Book Theme, served by nginx',
    python: true,
    pages: [sphinxPage(found('Sphinx Book Theme', 'PyData Sphinx Theme'))],
  },
  {
    recipe: 'sphinx-gallery',
    server: 'Sphinx quickstart with a Sphinx-Gallery gallery of one example, Alabaster, served by nginx',
    python: true,
    pages: [{ ...sphinxPage(found('Alabaster (Sphinx theme)', 'Sphinx-Gallery')), path: '/auto_examples/plot_hello.html', note: 'the example\'s page' }],
  },
  { recipe: 'mkdocs-default', server: 'MkDocs new project, default theme (mkdocs), served by nginx', python: true, pages: [{ path: '/', mustFind: found('MkDocs / Material for MkDocs') }] },
  {
    recipe: 'mkdocs-readthedocs',
    server: 'MkDocs new project, built-in readthedocs theme, served by nginx',
    python: true,
    pages: [
      {
        path: '/',
        mustFind: found('MkDocs / Material for MkDocs'),
        // The theme is MkDocs's port of sphinx_rtd_theme (body.wy-body-for-nav, and a footer link to it): there.
        mayFind: [RTD_THEME],
      },
    ],
  },
  { recipe: 'mkdocs-material', server: 'MkDocs new project, Material theme, served by nginx', python: true, pages: [{ path: '/', mustFind: found('MkDocs / Material for MkDocs') }] },
  {
    recipe: 'mkdocstrings',
    server: 'MkDocs new project with the mkdocstrings plugin, default theme, served by nginx',
    python: true,
    pages: [{ path: '/', mustFind: found('MkDocs / Material for MkDocs', 'mkdocstrings') }],
  },
  { recipe: 'pelican', server: 'Pelican quickstart, default theme (notmyidea), served by nginx', python: true, pages: [{ path: '/', mustFind: found('Pelican') }] },
  {
    recipe: 'docutils',
    server: 'Docutils rst2html page, served by nginx',
    python: true,
    pages: [
      {
        path: '/',
        mustFind: found('Docutils'),
      },
    ],
  },
  {
    recipe: 'nbconvert',
    server: 'A new notebook exported by jupyter nbconvert --to html (lab template), served by nginx',
    python: true,
    pages: [{ path: '/', mustFind: found('nbconvert (exported notebook)') }],
  },
  // Controls: the same kinds of pages without Python. Nothing may be found.
  { recipe: 'nginx-default', server: 'nginx, its default page', python: false, pages: [{ path: '/', mustFind: [] }] },
  { recipe: 'apache2-default', server: 'Apache httpd, Debian\'s default page', python: false, pages: [{ path: '/', mustFind: [] }] },
  { recipe: 'php-builtin', server: 'PHP built-in server (php -S), a hello page', python: false, pages: [{ path: '/', mustFind: [] }] },
  { recipe: 'express', server: 'Express hello app (Node)', python: false, pages: [{ path: '/', mustFind: [] }] },
  { recipe: 'jekyll', server: 'Jekyll new site, default theme (minima), served by nginx', python: false, pages: [{ path: '/', mustFind: [] }] },
  { recipe: 'hugo', server: 'Hugo new site, served by nginx', python: false, pages: [{ path: '/', mustFind: [] }] },
];
