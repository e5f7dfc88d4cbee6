/**
 * How each corpus server is made and started: the framework's own starter project or hello-world app (as its
 * documentation gives it), an add-on installed as its documentation says, an application as its Debian package
 * configures it, the generator's default output, and only what must differ to run here (a port on 127.0.0.1,
 * --allow-root when the test runs as root, a packaged application's database and logs in the test's directory).
 * Sites made by generators are served by nginx, a neutral static server, so what is found comes from the
 * generator's own pages.
 */
import { appendFileSync, chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { account, cleanEnv, debianVersion, freePorts, run, startProcess, waitForHttp, waitForOutput, type Account, type Started } from './processes';

/**
 * How to start the server once prepared. It is ready when it answers HTTP, and also, with `printed`, once it has
 * printed a line matching that (whose named groups the paths can use).
 */
export interface Launch {
  command: string;
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
  printed?: RegExp;
}

export interface Recipe {
  /** Debian packages it runs, the one named first being the one the table gives the version of. */
  packages: string[];
  /**
   * The system account its Debian package's service runs as, when its packaged configuration and state are
   * that account's (readable by it only, or written on first start): the server and `prepare` run as it, in a
   * directory handed to it. Needs the test to run as root.
   */
  user?: string;
  /** The host name to visit it by, when its default configuration answers no other (Horizon: localhost). */
  host?: string;
  /** Makes the project or site in `dir` (an empty directory of its own); `as` is the account of `user`. */
  prepare?(dir: string, as?: Account): void;
  /** How many more free ports it needs for its own internal use (JupyterHub's hub and proxy API). */
  internalPorts?: number;
  launch(dir: string, port: number, internal: number[]): Launch;
}

const PYTHON = '/usr/bin/python3';
const asRoot = process.getuid?.() === 0;

const write = (dir: string, name: string, text: string) => {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), text);
};
const sh = (dir: string, command: string, args: string[], input?: string) => run(command, args, { cwd: dir, home: dir, input });
const append = (dir: string, name: string, text: string) => appendFileSync(join(dir, name), text);

/**
 * `django-admin startproject <name>` (mysite, as Django's tutorial names it), then `change` (an add-on's documented
 * installation), then `manage.py migrate`.
 */
function djangoProject(dir: string, name = 'mysite', change?: (dir: string) => void) {
  sh(dir, '/usr/bin/django-admin', ['startproject', name, '.']);
  change?.(dir);
  sh(dir, PYTHON, ['manage.py', 'migrate', '--verbosity', '0']);
}
const runserver = (dir: string, port: number): Launch => ({ command: PYTHON, args: ['manage.py', 'runserver', '--noreload', `127.0.0.1:${port}`], cwd: dir });
/** A hello-world script that runs its own server, given the port as its argument. */
const helloScript = (pkg: string, script: string): Recipe => ({
  packages: [pkg],
  prepare: (dir) => write(dir, 'hello.py', script),
  launch: (dir, port) => ({ command: PYTHON, args: ['hello.py', String(port)], cwd: dir }),
});
/** A Django add-on (its package) installed into a starter project named `name` by `install`, under runserver. */
const djangoAddOn = (pkg: string, name: string, install: (project: string) => void): Recipe => ({
  packages: [pkg, 'python3-django'],
  prepare: (dir) => djangoProject(dir, name, install),
  launch: runserver,
});

/** nginx with its stock MIME types serving `root`; all its files in `dir`, nothing of the system's nginx used. */
function nginxServing(dir: string, root: string, port: number): Launch {
  // nginx's workers run as "nobody" when started by root: they must be able to read the site.
  for (const path of [dir, root]) chmodSync(path, 0o755);
  mkdirSync(join(dir, 'nginx'), { recursive: true });
  const temp = (name: string) => `${name}_temp_path ${join(dir, 'nginx', name)};`;
  write(
    dir,
    'nginx/nginx.conf',
    `daemon off;
worker_processes 1;
pid ${join(dir, 'nginx', 'nginx.pid')};
error_log ${join(dir, 'nginx', 'error.log')};
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  server {
    listen 127.0.0.1:${port};
    root ${root};
    index index.html;
  }
}
`,
  );
  return { command: '/usr/sbin/nginx', args: ['-p', join(dir, 'nginx'), '-e', join(dir, 'nginx', 'error.log'), '-c', join(dir, 'nginx', 'nginx.conf')] };
}

/**
 * Apache httpd on a minimal configuration of its own in `dir`, with the modules named loaded and `config` added.
 * Otherwise Apache's built-in defaults, so ServerTokens is Full and the Server header names the modules that add
 * themselves to it (Debian's stock security.conf sets ServerTokens OS, which leaves only "Apache/<version> (Debian)").
 */
function apacheServing(dir: string, port: number, modules: string[], config: string): Launch {
  // Apache's children run as www-data when started by root: they must be able to read what it serves from `dir`.
  chmodSync(dir, 0o755);
  const load = ['mpm_event', 'authz_core', 'dir', 'mime', ...modules].map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`);
  write(
    dir,
    'apache2.conf',
    `ServerRoot ${dir}
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${join(dir, 'apache2.pid')}
DefaultRuntimeDir ${dir}
ErrorLog ${join(dir, 'error.log')}
${load.join('\n')}
${asRoot ? 'User www-data\nGroup www-data\n' : ''}TypesConfig /etc/mime.types
${config}`,
  );
  return { command: '/usr/sbin/apache2', args: ['-f', join(dir, 'apache2.conf'), '-DFOREGROUND'], cwd: dir };
}

/**
 * A Sphinx quickstart project built to HTML with one of the themes Debian packages; `setUp` first adds an
 * extension's documented configuration. The theme's or extension's packages come first (the table gives the
 * first one's version).
 */
function sphinx(theme: string, packages: string[], setUp?: (dir: string) => void): Recipe {
  return {
    packages: [...packages, 'python3-sphinx'],
    prepare(dir) {
      sh(dir, '/usr/bin/sphinx-quickstart', ['-q', '-p', 'Demo', '-a', 'Author', 'docs']);
      setUp?.(dir);
      sh(dir, '/usr/bin/sphinx-build', ['-q', '-b', 'html', '-D', `html_theme=${theme}`, 'docs', 'site']);
    },
    launch: (dir, port) => nginxServing(dir, join(dir, 'site'), port),
  };
}

/** `mkdocs new` built with one of the themes Debian packages; `setUp` first adds a plugin's documented configuration. */
function mkdocs(theme: string, packages: string[], setUp?: (dir: string) => void): Recipe {
  return {
    packages: [...packages, 'mkdocs'],
    prepare(dir) {
      sh(dir, '/usr/bin/mkdocs', ['new', 'docs']);
      setUp?.(join(dir, 'docs'));
      run('/usr/bin/mkdocs', ['build', '--quiet', '--theme', theme, '--site-dir', join(dir, 'site')], { cwd: join(dir, 'docs'), home: dir });
    },
    launch: (dir, port) => nginxServing(dir, join(dir, 'site'), port),
  };
}

// The hello-world apps, as each framework's documentation gives them (the port comes from the command line).
const FLASK_HELLO = `from flask import Flask

app = Flask(__name__)


@app.route("/")
def hello_world():
    return "<p>Hello, World!</p>"
`;

const FASTAPI_MAIN = `from typing import Union

from fastapi import FastAPI

app = FastAPI()


@app.get("/")
def read_root():
    return {"Hello": "World"}


@app.get("/items/{item_id}")
def read_item(item_id: int, q: Union[str, None] = None):
    return {"item_id": item_id, "q": q}
`;

const QUART_HELLO = `from quart import Quart

app = Quart(__name__)

@app.route('/')
async def hello():
    return 'hello'
`;

const PYRAMID_HELLO = `from pyramid.config import Configurator
from pyramid.response import Response


def hello_world(request):
    return Response('Hello World!')


with Configurator() as config:
    config.add_route('hello', '/')
    config.add_view(hello_world, route_name='hello')
    app = config.make_wsgi_app()
`;

// Tornado 6.2's hello world (6.3 and later import tornado.web lazily; 6.2 needs the explicit import).
const TORNADO_HELLO = `import asyncio
import sys

import tornado.web


class MainHandler(tornado.web.RequestHandler):
    def get(self):
        self.write("Hello, world")


def make_app():
    return tornado.web.Application([
        (r"/", MainHandler),
    ])


async def main():
    app = make_app()
    app.listen(int(sys.argv[1]), address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
`;

const CHERRYPY_HELLO = `import sys

import cherrypy


class HelloWorld(object):
    @cherrypy.expose
    def index(self):
        return "Hello World!"


cherrypy.config.update({'server.socket_host': '127.0.0.1', 'server.socket_port': int(sys.argv[1])})
cherrypy.quickstart(HelloWorld())
`;

const AIOHTTP_HELLO = `import sys

from aiohttp import web


async def handle(request):
    name = request.match_info.get('name', "Anonymous")
    text = "Hello, " + name
    return web.Response(text=text)


app = web.Application()
app.add_routes([web.get('/', handle),
                web.get('/{name}', handle)])

if __name__ == '__main__':
    web.run_app(app, host='127.0.0.1', port=int(sys.argv[1]))
`;

const BOTTLE_HELLO = `import sys

from bottle import route, run, template


@route('/hello/<name>')
def index(name):
    return template('<b>Hello {{name}}</b>!', name=name)


run(host='127.0.0.1', port=int(sys.argv[1]))
`;

// Cheroot's own example (cheroot/wsgi.py), on the port given on the command line.
const CHEROOT_HELLO = `import sys

from cheroot import wsgi


def my_crazy_app(environ, start_response):
    status = '200 OK'
    response_headers = [('Content-type','text/plain')]
    start_response(status, response_headers)
    return [b'Hello world!']


addr = '127.0.0.1', int(sys.argv[1])
server = wsgi.Server(addr, my_crazy_app)
server.start()
`;

// A hello WSGI app served by Paste's own HTTP server, as paste.httpserver.serve is documented to be called.
const PASTE_HELLO = `import sys

from paste import httpserver


def application(environ, start_response):
    start_response('200 OK', [('Content-type', 'text/html')])
    return [b'<html><body>Hello World!</body></html>']


httpserver.serve(application, host='127.0.0.1', port=sys.argv[1])
`;

// mod_wsgi's Quick Configuration Guide: its hello world script, mounted with WSGIScriptAlias.
const MOD_WSGI_HELLO = `def application(environ, start_response):
    status = '200 OK'
    output = b'Hello World!'

    response_headers = [('Content-type', 'text/plain'),
                        ('Content-Length', str(len(output)))]
    start_response(status, response_headers)

    return [output]
`;

// mod_python's tutorial: the publisher handler on a directory of .py files, each function a page.
const MOD_PYTHON_HELLO = `def index(req):
    return "Hello World!"
`;

// Django REST framework's README example (Debian ships it as the package's README.md): the urls.py and settings.
const DRF_URLS = `from django.contrib.auth.models import User
from django.urls import include, path
from rest_framework import routers, serializers, viewsets


# Serializers define the API representation.
class UserSerializer(serializers.HyperlinkedModelSerializer):
    class Meta:
        model = User
        fields = ['url', 'username', 'email', 'is_staff']


# ViewSets define the view behavior.
class UserViewSet(viewsets.ModelViewSet):
    queryset = User.objects.all()
    serializer_class = UserSerializer


# Routers provide a way of automatically determining the URL conf.
router = routers.DefaultRouter()
router.register(r'users', UserViewSet)

# Wire up our API using automatic URL routing.
# Additionally, we include login URLs for the browsable API.
urlpatterns = [
    path('', include(router.urls)),
    path('api-auth/', include('rest_framework.urls', namespace='rest_framework')),
]
`;
const DRF_SETTINGS = `
INSTALLED_APPS += [
    'rest_framework',
]

REST_FRAMEWORK = {
    # Use Django's standard \`django.contrib.auth\` permissions,
    # or allow read-only access for unauthenticated users.
    'DEFAULT_PERMISSION_CLASSES': [
        'rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly',
    ]
}
`;

// django-debug-toolbar's installation steps: the app, its URLs, its middleware first, and the internal IP it shows for.
const DEBUG_TOOLBAR_SETTINGS = `
INSTALLED_APPS += ['debug_toolbar']
MIDDLEWARE.insert(0, 'debug_toolbar.middleware.DebugToolbarMiddleware')
INTERNAL_IPS = ['127.0.0.1']
`;
const DEBUG_TOOLBAR_URLS = `
from django.urls import include

urlpatterns += [path('__debug__/', include('debug_toolbar.urls'))]
`;

// A notebook as Jupyter saves a new one with a heading and a line of code (nbformat writes it), for nbconvert.
const NEW_NOTEBOOK = `import nbformat

nb = nbformat.v4.new_notebook(cells=[
    nbformat.v4.new_markdown_cell('# Hello'),
    nbformat.v4.new_code_cell('print("Hello, world")'),
])
nbformat.write(nb, 'hello.ipynb')
`;

// Sphinx-Gallery's getting-started setup: the extension, a gallery folder with its README.txt and one example.
const GALLERY_CONF = `
extensions = ['sphinx_gallery.gen_gallery']
sphinx_gallery_conf = {
    'examples_dirs': '../examples',
    'gallery_dirs': 'auto_examples',
}
`;
const GALLERY_EXAMPLE = `"""
Hello
=====

Prints a greeting.
"""

print("Hello, world")
`;

/**
 * Settings modules for Debian's packaged Django applications: the package's own settings, with only the paths
 * it writes to (database, logs, search index) moved into the test's directory, since the system's are the
 * installed service's. Each is importable as `test_settings` with `dir` on PYTHONPATH.
 */
const GRAPHITE_SETTINGS = `import os
here = os.path.dirname(os.path.abspath(__file__))
exec(open('/etc/graphite/local_settings.py').read())
STORAGE_DIR = WHISPER_DIR = os.path.join(here, 'whisper')
LOG_DIR = os.path.join(here, 'log')
for path in (STORAGE_DIR, LOG_DIR):
    os.makedirs(path, exist_ok=True)
INDEX_FILE = os.path.join(here, 'search_index')
DATABASES['default']['NAME'] = os.path.join(here, 'graphite.db')
`;
const MAILMAN_WEB_SETTINGS = `import os
from settings import *
here = os.path.dirname(os.path.abspath(__file__))
DATABASES['default']['NAME'] = os.path.join(here, 'mailman3web.db')
HAYSTACK_CONNECTIONS['default']['PATH'] = os.path.join(here, 'fulltext_index')
LOGGING['handlers']['file']['filename'] = os.path.join(here, 'mailman-web.log')
`;

const graphiteEnv = (dir: string) => ({ PYTHONPATH: dir, GRAPHITE_SETTINGS_MODULE: 'test_settings' });
const mailmanEnv = (dir: string) => ({ PYTHONPATH: `/usr/share/mailman3-web:${dir}`, DJANGO_SETTINGS_MODULE: 'test_settings' });

const EXPRESS_HELLO = `const express = require('express')
const app = express()
const port = Number(process.argv[2])

app.get('/', (req, res) => {
  res.send('Hello World!')
})

app.listen(port, '127.0.0.1', () => {
  console.log(\`Example app listening on port \${port}\`)
})
`;

export const RECIPES = {
  // --- Python web frameworks and servers ---
  'django-runserver': {
    packages: ['python3-django'],
    prepare: (dir) => djangoProject(dir),
    launch: runserver,
  },
  'django-debug-toolbar': djangoAddOn('python3-django-debug-toolbar', 'mysite', (project) => {
    append(project, 'mysite/settings.py', DEBUG_TOOLBAR_SETTINGS);
    append(project, 'mysite/urls.py', DEBUG_TOOLBAR_URLS);
  }),
  'django-rest-framework': djangoAddOn('python3-djangorestframework', 'example', (project) => {
    write(project, 'example/urls.py', DRF_URLS);
    append(project, 'example/settings.py', DRF_SETTINGS);
  }),
  'django-gunicorn': {
    packages: ['gunicorn', 'python3-django'],
    prepare: (dir) => djangoProject(dir),
    launch: (dir, port) => ({ command: '/usr/bin/gunicorn', args: ['--bind', `127.0.0.1:${port}`, 'mysite.wsgi'], cwd: dir }),
  },
  'django-daphne': {
    packages: ['daphne', 'python3-django'],
    prepare: (dir) => djangoProject(dir),
    launch: (dir, port) => ({ command: '/usr/bin/daphne', args: ['-b', '127.0.0.1', '-p', String(port), 'mysite.asgi:application'], cwd: dir }),
  },
  // Django's "How to use Django with uWSGI": uwsgi --http :8000 --module mysite.wsgi (Debian ships the HTTP
  // router and Python as plugins).
  'django-uwsgi': {
    packages: ['uwsgi-core', 'uwsgi-plugin-python3', 'python3-django'],
    prepare: (dir) => djangoProject(dir),
    launch: (dir, port) => ({ command: '/usr/bin/uwsgi', args: ['--plugins', 'http,python3', '--http', `127.0.0.1:${port}`, '--module', 'mysite.wsgi:application'], cwd: dir }),
  },
  'flask-run': {
    packages: ['python3-flask'],
    prepare: (dir) => write(dir, 'hello.py', FLASK_HELLO),
    launch: (dir, port) => ({ command: '/usr/bin/flask', args: ['--app', 'hello', 'run', '--host', '127.0.0.1', '--port', String(port)], cwd: dir }),
  },
  'flask-gunicorn': {
    packages: ['gunicorn', 'python3-flask'],
    prepare: (dir) => write(dir, 'hello.py', FLASK_HELLO),
    launch: (dir, port) => ({ command: '/usr/bin/gunicorn', args: ['--bind', `127.0.0.1:${port}`, 'hello:app'], cwd: dir }),
  },
  'fastapi-uvicorn': {
    packages: ['python3-fastapi', 'uvicorn', 'python3-starlette'],
    prepare: (dir) => write(dir, 'main.py', FASTAPI_MAIN),
    launch: (dir, port) => ({ command: '/usr/bin/uvicorn', args: ['main:app', '--host', '127.0.0.1', '--port', String(port)], cwd: dir }),
  },
  'quart-hypercorn': {
    packages: ['python3-hypercorn', 'python3-quart'],
    prepare: (dir) => write(dir, 'hello.py', QUART_HELLO),
    launch: (dir, port) => ({ command: '/usr/bin/hypercorn', args: ['--bind', `127.0.0.1:${port}`, 'hello:app'], cwd: dir }),
  },
  'pyramid-waitress': {
    packages: ['python3-waitress', 'python3-pyramid'],
    prepare: (dir) => write(dir, 'hello.py', PYRAMID_HELLO),
    launch: (dir, port) => ({ command: '/usr/bin/waitress-serve', args: [`--listen=127.0.0.1:${port}`, 'hello:app'], cwd: dir }),
  },
  tornado: helloScript('python3-tornado', TORNADO_HELLO),
  cherrypy: helloScript('python3-cherrypy3', CHERRYPY_HELLO),
  // twistd's own static file server ("twistd web --path"), listing a directory.
  'twisted-web': {
    packages: ['python3-twisted'],
    prepare: (dir) => write(dir, 'public/hello.txt', 'Hello from Twisted Web\n'),
    launch: (dir, port) => ({ command: '/usr/bin/twistd3', args: ['--nodaemon', 'web', '--listen', `tcp:${port}:interface=127.0.0.1`, '--path', join(dir, 'public')], cwd: dir }),
  },
  aiohttp: helloScript('python3-aiohttp', AIOHTTP_HELLO),
  // Bottle's run() uses its default server, wsgiref.
  bottle: helloScript('python3-bottle', BOTTLE_HELLO),
  'python-http-server': {
    packages: ['python3'],
    prepare: (dir) => write(dir, 'public/notes.txt', 'Shared with python3 -m http.server\n'),
    launch: (dir, port) => ({ command: PYTHON, args: ['-m', 'http.server', '--bind', '127.0.0.1', '--directory', join(dir, 'public'), String(port)], cwd: dir }),
  },
  // Flasgger's own example app, as Debian ships it, under Flask's development server.
  flasgger: {
    packages: ['python3-flasgger', 'python3-flask'],
    prepare: (dir) => copyFileSync('/usr/share/doc/python3-flasgger/examples/colors.py', join(dir, 'colors.py')),
    launch: (dir, port) => ({ command: '/usr/bin/flask', args: ['--app', 'colors', 'run', '--host', '127.0.0.1', '--port', String(port)], cwd: dir }),
  },
  cheroot: helloScript('python3-cheroot', CHEROOT_HELLO),
  'paste-httpserver': helloScript('python3-paste', PASTE_HELLO),
  'mod-wsgi': {
    packages: ['libapache2-mod-wsgi-py3', 'apache2'],
    prepare: (dir) => write(dir, 'wsgi-scripts/myapp.wsgi', MOD_WSGI_HELLO),
    launch: (dir, port) =>
      apacheServing(dir, port, ['wsgi'], `WSGIScriptAlias /myapp ${join(dir, 'wsgi-scripts', 'myapp.wsgi')}
<Directory ${join(dir, 'wsgi-scripts')}>
  Require all granted
</Directory>
`),
  },
  'mod-python': {
    packages: ['libapache2-mod-python', 'apache2'],
    prepare: (dir) => write(dir, 'python/hello.py', MOD_PYTHON_HELLO),
    launch: (dir, port) =>
      apacheServing(dir, port, ['python'], `DocumentRoot ${join(dir, 'python')}
<Directory ${join(dir, 'python')}>
  AddHandler mod_python .py
  PythonHandler mod_python.publisher
  PythonDebug On
  Require all granted
</Directory>
`),
  },
  // --- Python applications ---
  'mercurial-hg-serve': {
    packages: ['mercurial'],
    prepare: (dir) => sh(dir, '/usr/bin/hg', ['init', 'repo']),
    launch: (dir, port) => ({ command: '/usr/bin/hg', args: ['serve', '--address', '127.0.0.1', '--port', String(port)], cwd: join(dir, 'repo') }),
  },
  radicale: {
    packages: ['radicale'],
    launch: (dir, port) => ({ command: '/usr/bin/radicale', args: ['--server-hosts', `127.0.0.1:${port}`, '--storage-filesystem-folder', join(dir, 'collections')], cwd: dir }),
  },
  // The classic notebook server with its default token login; it prints the URL with the token to open.
  'jupyter-notebook': {
    packages: ['jupyter-notebook', 'python3-notebook'],
    launch: (dir, port) => ({
      command: '/usr/bin/jupyter-notebook',
      args: ['--no-browser', '--ip', '127.0.0.1', '--port', String(port), '--port-retries', '0', ...(asRoot ? ['--allow-root'] : [])],
      cwd: dir,
      printed: /\/\?token=(?<token>[0-9a-f]+)/,
    }),
  },
  // JupyterHub with its default authenticator and spawner, behind its default proxy (configurable-http-proxy, a
  // Node program: Debian keeps its modules in /usr/share/nodejs, where only Debian's own Node looks by itself).
  // The hub's and the proxy API's ports are internal; the defaults (8081, 8001) may be taken on a shared machine.
  // The proxy answers (404) before the hub has added its route: the hub is ready when it says it is running.
  jupyterhub: {
    packages: ['jupyterhub'],
    internalPorts: 2,
    launch: (dir, port, [hub, api]) => ({
      command: '/usr/bin/jupyterhub',
      args: ['--ip', '127.0.0.1', '--port', String(port), `--JupyterHub.hub_port=${hub}`, `--ConfigurableHTTPProxy.api_url=http://127.0.0.1:${api}`],
      cwd: dir,
      env: { NODE_PATH: '/usr/share/nodejs' },
      printed: /JupyterHub is now running at/,
    }),
  },
  // Glances in web server mode (glances -w), its default web interface.
  glances: {
    packages: ['glances'],
    launch: (dir, port) => ({ command: '/usr/bin/glances', args: ['-w', '--bind', '127.0.0.1', '--port', String(port)], cwd: dir }),
  },
  // Deluge's web interface on its own (no daemon to connect to yet): the login page, with a config of its own.
  'deluge-web': {
    packages: ['deluge-web'],
    launch: (dir, port) => ({ command: '/usr/bin/deluge-web', args: ['--do-not-daemonize', '--config', join(dir, 'config'), '--interface', '127.0.0.1', '--port', String(port)], cwd: dir }),
  },
  // Graphite's web app as its README.Debian starts it to try it out (django-admin runserver with graphite.settings,
  // as _graphite, after graphite-manage migrate --run-syncdb), on Debian's local_settings.py.
  'graphite-web': {
    packages: ['graphite-web'],
    user: '_graphite',
    prepare(dir, as) {
      write(dir, 'test_settings.py', GRAPHITE_SETTINGS);
      run('/usr/bin/graphite-manage', ['migrate', '--run-syncdb', '--verbosity', '0'], { cwd: dir, home: dir, env: graphiteEnv(dir), as });
    },
    launch: (dir, port) => ({ command: '/usr/bin/django-admin', args: ['runserver', '--noreload', '--settings', 'graphite.settings', `127.0.0.1:${port}`], cwd: dir, env: graphiteEnv(dir) }),
  },
  // Mailman 3's web suite (Postorius, HyperKitty) as Debian's mailman3-web configures it, under Django's runserver
  // rather than the service's uWSGI socket, as www-data. No Mailman core runs, so Postorius's list pages say its REST
  // API is unavailable; HyperKitty's archive index and the account pages work on their own.
  'mailman3-web': {
    packages: ['mailman3-web', 'python3-django-hyperkitty', 'python3-django-postorius'],
    user: 'www-data',
    prepare(dir, as) {
      write(dir, 'test_settings.py', MAILMAN_WEB_SETTINGS);
      run(PYTHON, ['/usr/share/mailman3-web/manage.py', 'migrate', '--verbosity', '0'], { cwd: dir, home: dir, env: mailmanEnv(dir), as });
    },
    launch: (dir, port) => ({ command: PYTHON, args: ['/usr/share/mailman3-web/manage.py', 'runserver', '--noreload', `127.0.0.1:${port}`], cwd: dir, env: mailmanEnv(dir) }),
  },
  // OpenStack's dashboard (Horizon) exactly as Debian's openstack-dashboard configures it, under Django's runserver
  // as www-data (its first start writes its secret key where the package keeps it). Its ALLOWED_HOSTS are 'vm'
  // and 'localhost', so it is visited as localhost. No Keystone runs: the login page is as far as it goes.
  'openstack-dashboard': {
    packages: ['openstack-dashboard', 'python3-django-horizon'],
    user: 'www-data',
    host: 'localhost',
    launch: (dir, port) => ({ command: PYTHON, args: ['/usr/share/openstack-dashboard/manage.py', 'runserver', '--noreload', `127.0.0.1:${port}`], cwd: dir }),
  },
  // --- Python site generators, their output served by nginx ---
  'sphinx-alabaster': sphinx('alabaster', ['python3-alabaster']),
  'sphinx-rtd-theme': sphinx('sphinx_rtd_theme', ['python3-sphinx-rtd-theme']),
  'sphinx-furo': sphinx('furo', ['furo']),
  'sphinx-pydata': sphinx('pydata_sphinx_theme', ['python3-pydata-sphinx-theme']),
  'sphinx-book-theme': sphinx('sphinx_book_theme', ['python3-sphinx-book-theme']),
  // Sphinx-Gallery's getting-started setup in the quickstart project, the gallery added to the index's toctree.
  'sphinx-gallery': sphinx('alabaster', ['python3-sphinx-gallery'], (dir) => {
    append(dir, 'docs/conf.py', GALLERY_CONF);
    write(dir, 'examples/README.txt', 'Gallery of examples\n===================\n\nExamples of the project.\n');
    write(dir, 'examples/plot_hello.py', GALLERY_EXAMPLE);
    const index = join(dir, 'docs', 'index.rst');
    writeFileSync(index, readFileSync(index, 'utf8').replace(':caption: Contents:\n', ':caption: Contents:\n\n   auto_examples/index\n'));
  }),
  'mkdocs-default': mkdocs('mkdocs', []),
  'mkdocs-readthedocs': mkdocs('readthedocs', []),
  'mkdocs-material': mkdocs('material', ['mkdocs-material']),
  // mkdocstrings as its README adds it: the plugin in mkdocs.yml, beside MkDocs's default search plugin.
  mkdocstrings: mkdocs('mkdocs', ['mkdocstrings'], (docs) => append(docs, 'mkdocs.yml', 'plugins:\n  - search\n  - mkdocstrings\n')),
  // pelican-quickstart with every default but "no URL prefix" (answered on standard input), then an empty
  // content folder built with the default theme.
  pelican: {
    packages: ['pelican'],
    prepare(dir) {
      sh(dir, '/usr/bin/pelican-quickstart', ['--path', join(dir, 'blog'), '--title', 'My Site', '--author', 'Author', '--lang', 'en'], '\n\n\n\nn\n\n\n\n\nn\nn\nn\nn\nn\nn\n');
      run('/usr/bin/pelican', ['content', '--output', join(dir, 'site'), '--settings', 'pelicanconf.py'], { cwd: join(dir, 'blog'), home: dir });
    },
    launch: (dir, port) => nginxServing(dir, join(dir, 'site'), port),
  },
  docutils: {
    packages: ['python3-docutils'],
    prepare(dir) {
      write(dir, 'README.rst', 'Hello\n=====\n\nA *reStructuredText* page.\n');
      mkdirSync(join(dir, 'site'));
      sh(dir, '/usr/bin/rst2html', ['README.rst', join(dir, 'site', 'index.html')]);
    },
    launch: (dir, port) => nginxServing(dir, join(dir, 'site'), port),
  },
  // A new notebook exported with nbconvert's default HTML template (lab), served as a page.
  nbconvert: {
    packages: ['jupyter-nbconvert', 'python3-nbformat'],
    prepare(dir) {
      write(dir, 'new_notebook.py', NEW_NOTEBOOK);
      sh(dir, PYTHON, ['new_notebook.py']);
      sh(dir, '/usr/bin/jupyter-nbconvert', ['--to', 'html', '--output-dir', join(dir, 'site'), '--output', 'index', 'hello.ipynb']);
    },
    launch: (dir, port) => nginxServing(dir, join(dir, 'site'), port),
  },
  // --- Controls: no Python anywhere ---
  'nginx-default': {
    packages: ['nginx-light', 'nginx-common'],
    launch: (dir, port) => nginxServing(dir, '/usr/share/nginx/html', port),
  },
  // Debian's Apache default page ("It works!"), from the package's own copy.
  'apache2-default': {
    packages: ['apache2'],
    launch: (dir, port) =>
      apacheServing(dir, port, [], `DocumentRoot /usr/share/apache2/default-site
DirectoryIndex index.html
<Directory /usr/share/apache2/default-site>
  Require all granted
</Directory>
`),
  },
  'php-builtin': {
    packages: ['php8.2-cli'],
    prepare: (dir) => write(dir, 'public/index.php', '<?php echo "<h1>Hello from PHP</h1>"; ?>\n'),
    launch: (dir, port) => ({ command: '/usr/bin/php', args: ['-S', `127.0.0.1:${port}`, '-t', join(dir, 'public')], cwd: dir }),
  },
  // Express's hello world, with Debian's node-express, run by the system Node.
  express: {
    packages: ['node-express'],
    prepare: (dir) => write(dir, 'app.js', EXPRESS_HELLO),
    launch: (dir, port) => ({ command: '/usr/bin/node', args: ['app.js', String(port)], cwd: dir, env: { NODE_PATH: '/usr/share/nodejs' } }),
  },
  // `jekyll new` (its default theme, minima) built without Bundler, with Debian's gems.
  jekyll: {
    packages: ['jekyll', 'jekyll-theme-minima'],
    prepare(dir) {
      sh(dir, '/usr/bin/jekyll', ['new', '--skip-bundle', 'blog']);
      run('/usr/bin/jekyll', ['build', '--destination', join(dir, 'site')], { cwd: join(dir, 'blog'), home: dir });
    },
    launch: (dir, port) => nginxServing(dir, join(dir, 'site'), port),
  },
  // `hugo new site` has no theme and `hugo new theme` leaves its home page empty (Hugo then writes no
  // index.html): the home page layout here is the usual one, with Hugo's own generator tag.
  hugo: {
    packages: ['hugo'],
    prepare(dir) {
      sh(dir, '/usr/bin/hugo', ['new', 'site', 'blog']);
      write(
        join(dir, 'blog'),
        'layouts/index.html',
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n{{ hugo.Generator }}\n<title>{{ .Site.Title }}</title>\n</head>\n<body>\n<h1>{{ .Site.Title }}</h1>\n</body>\n</html>\n',
      );
      run('/usr/bin/hugo', ['--destination', join(dir, 'site')], { cwd: join(dir, 'blog'), home: dir });
    },
    launch: (dir, port) => nginxServing(dir, join(dir, 'site'), port),
  },
} satisfies Record<string, Recipe>;

export type RecipeId = keyof typeof RECIPES;

export interface RunningServer {
  /** http://<host>:<port>, where it answers (127.0.0.1 unless the recipe's packaged configuration names a host). */
  base: string;
  /** What the server printed that `printed` asked for (a login token), by name. */
  vars: Record<string, string>;
  /** From an empty directory to answering: making the project or site, and starting the server. */
  readyInSeconds: number;
  /** Everything the server printed so far (its request log, for one). */
  output(): string;
  /** Stops the server and everything it started, and removes its directory. */
  stop(): Promise<void>;
}

/**
 * Prepares a recipe in a directory of its own and starts its server on a free port of 127.0.0.1, resolving once it
 * answers. Fails, never skips, when its Debian packages are missing; a server that fails to come up is stopped.
 */
export async function startRecipe(recipe: Recipe, name: string): Promise<RunningServer> {
  const missing = recipe.packages.filter((p) => debianVersion(p) === null);
  if (missing.length) throw new Error(`Debian packages not installed: ${missing.join(' ')} (.ci/run installs the corpus packages)`);
  const begun = performance.now();
  const as: Account | undefined = recipe.user ? account(recipe.user) : undefined;
  const dir = await mkdtemp(join(tmpdir(), `python-inside-corpus-${name}-`));
  let server: Started | undefined;
  const stop = async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    // A service account's server writes its state here: the directory is handed to it.
    if (as) await chown(dir, as.uid, as.gid);
    recipe.prepare?.(dir, as);
    const [port = 0, ...internal] = await freePorts(1 + (recipe.internalPorts ?? 0));
    const spec = recipe.launch(dir, port, internal);
    server = startProcess(spec.command, spec.args, { cwd: spec.cwd ?? dir, env: cleanEnv(dir, spec.env), as });
    const vars = spec.printed ? { ...(await waitForOutput(spec.printed, server)).groups } : {};
    await waitForHttp(`http://127.0.0.1:${port}/`, server);
    const base = `http://${recipe.host ?? '127.0.0.1'}:${port}`;
    return { base, vars, readyInSeconds: (performance.now() - begun) / 1000, output: server.output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
