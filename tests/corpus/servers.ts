/**
 * How each corpus server is made and started: the framework's own starter project or hello-world app (as its
 * documentation gives it), the generator's default output, and only what must differ to run here (a port on
 * 127.0.0.1, --allow-root when the test runs as root). Sites made by generators are served by nginx, a neutral
 * static server, so what is found comes from the generator's own pages.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, debianVersion, freePorts, run, startProcess, waitForHttp, waitForOutput, type Started } from './processes';

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
  /** Makes the project or site in `dir` (an empty directory of its own). */
  prepare?(dir: string): void;
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

/** `django-admin startproject mysite` and `manage.py migrate`, as Django's tutorial starts. */
function djangoProject(dir: string) {
  sh(dir, '/usr/bin/django-admin', ['startproject', 'mysite', '.']);
  sh(dir, PYTHON, ['manage.py', 'migrate', '--verbosity', '0']);
}

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

/** A Sphinx quickstart project built to HTML with one of the themes Debian packages. */
function sphinx(theme: string, themePackage: string): Recipe {
  return {
    packages: ['python3-sphinx', ...(themePackage ? [themePackage] : [])],
    prepare(dir) {
      sh(dir, '/usr/bin/sphinx-quickstart', ['-q', '-p', 'Demo', '-a', 'Author', 'docs']);
      sh(dir, '/usr/bin/sphinx-build', ['-q', '-b', 'html', '-D', `html_theme=${theme}`, 'docs', 'site']);
    },
    launch: (dir, port) => nginxServing(dir, join(dir, 'site'), port),
  };
}

/** `mkdocs new` built with one of the themes Debian packages. */
function mkdocs(theme: string, themePackage: string): Recipe {
  return {
    packages: ['mkdocs', ...(themePackage ? [themePackage] : [])],
    prepare(dir) {
      sh(dir, '/usr/bin/mkdocs', ['new', 'docs']);
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
    prepare: djangoProject,
    launch: (dir, port) => ({ command: PYTHON, args: ['manage.py', 'runserver', '--noreload', `127.0.0.1:${port}`], cwd: dir }),
  },
  'django-gunicorn': {
    packages: ['gunicorn', 'python3-django'],
    prepare: djangoProject,
    launch: (dir, port) => ({ command: '/usr/bin/gunicorn', args: ['--bind', `127.0.0.1:${port}`, 'mysite.wsgi'], cwd: dir }),
  },
  'django-daphne': {
    packages: ['daphne', 'python3-django'],
    prepare: djangoProject,
    launch: (dir, port) => ({ command: '/usr/bin/daphne', args: ['-b', '127.0.0.1', '-p', String(port), 'mysite.asgi:application'], cwd: dir }),
  },
  // Django's "How to use Django with uWSGI": uwsgi --http :8000 --module mysite.wsgi (Debian ships the HTTP
  // router and Python as plugins).
  'django-uwsgi': {
    packages: ['uwsgi-core', 'uwsgi-plugin-python3', 'python3-django'],
    prepare: djangoProject,
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
  tornado: {
    packages: ['python3-tornado'],
    prepare: (dir) => write(dir, 'hello.py', TORNADO_HELLO),
    launch: (dir, port) => ({ command: PYTHON, args: ['hello.py', String(port)], cwd: dir }),
  },
  cherrypy: {
    packages: ['python3-cherrypy3'],
    prepare: (dir) => write(dir, 'hello.py', CHERRYPY_HELLO),
    launch: (dir, port) => ({ command: PYTHON, args: ['hello.py', String(port)], cwd: dir }),
  },
  // twistd's own static file server ("twistd web --path"), listing a directory.
  'twisted-web': {
    packages: ['python3-twisted'],
    prepare: (dir) => write(dir, 'public/hello.txt', 'Hello from Twisted Web\n'),
    launch: (dir, port) => ({ command: '/usr/bin/twistd3', args: ['--nodaemon', 'web', '--listen', `tcp:${port}:interface=127.0.0.1`, '--path', join(dir, 'public')], cwd: dir }),
  },
  aiohttp: {
    packages: ['python3-aiohttp'],
    prepare: (dir) => write(dir, 'hello.py', AIOHTTP_HELLO),
    launch: (dir, port) => ({ command: PYTHON, args: ['hello.py', String(port)], cwd: dir }),
  },
  // Bottle's run() uses its default server, wsgiref.
  bottle: {
    packages: ['python3-bottle'],
    prepare: (dir) => write(dir, 'hello.py', BOTTLE_HELLO),
    launch: (dir, port) => ({ command: PYTHON, args: ['hello.py', String(port)], cwd: dir }),
  },
  'python-http-server': {
    packages: ['python3'],
    prepare: (dir) => write(dir, 'public/notes.txt', 'Shared with python3 -m http.server\n'),
    launch: (dir, port) => ({ command: PYTHON, args: ['-m', 'http.server', '--bind', '127.0.0.1', '--directory', join(dir, 'public'), String(port)], cwd: dir }),
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
  // --- Python site generators, their output served by nginx ---
  'sphinx-alabaster': sphinx('alabaster', 'python3-alabaster'),
  'sphinx-rtd-theme': sphinx('sphinx_rtd_theme', 'python3-sphinx-rtd-theme'),
  'sphinx-furo': sphinx('furo', 'furo'),
  'sphinx-pydata': sphinx('pydata_sphinx_theme', 'python3-pydata-sphinx-theme'),
  'mkdocs-default': mkdocs('mkdocs', ''),
  'mkdocs-readthedocs': mkdocs('readthedocs', ''),
  'mkdocs-material': mkdocs('material', 'mkdocs-material'),
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
  // --- Controls: no Python anywhere ---
  'nginx-default': {
    packages: ['nginx-light', 'nginx-common'],
    launch: (dir, port) => nginxServing(dir, '/usr/share/nginx/html', port),
  },
  // Debian's Apache default page ("It works!"), from the package's own copy, on a minimal configuration.
  'apache2-default': {
    packages: ['apache2'],
    launch(dir, port) {
      write(
        dir,
        'apache2.conf',
        `ServerRoot ${dir}
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${join(dir, 'apache2.pid')}
DefaultRuntimeDir ${dir}
ErrorLog ${join(dir, 'error.log')}
LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
${asRoot ? 'User www-data\nGroup www-data\n' : ''}TypesConfig /etc/mime.types
DocumentRoot /usr/share/apache2/default-site
DirectoryIndex index.html
<Directory /usr/share/apache2/default-site>
  Require all granted
</Directory>
`,
      );
      return { command: '/usr/sbin/apache2', args: ['-f', join(dir, 'apache2.conf'), '-DFOREGROUND'], cwd: dir };
    },
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
  /** http://127.0.0.1:<port>, where it answers. */
  base: string;
  /** What the server printed that `printed` asked for (a login token), by name. */
  vars: Record<string, string>;
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
  const dir = await mkdtemp(join(tmpdir(), `python-inside-corpus-${name}-`));
  let server: Started | undefined;
  const stop = async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    recipe.prepare?.(dir);
    const [port = 0, ...internal] = await freePorts(1 + (recipe.internalPorts ?? 0));
    const spec = recipe.launch(dir, port, internal);
    server = startProcess(spec.command, spec.args, { cwd: spec.cwd ?? dir, env: cleanEnv(dir, spec.env) });
    const vars = spec.printed ? { ...(await waitForOutput(spec.printed, server)).groups } : {};
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/`, server);
    return { base, vars, output: server.output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
