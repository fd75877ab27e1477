# Production image: the same ASGI app as the Procfile (HTTP and websockets).

# The GraphiQL playground's files, from playground/package-lock.json (served when GRAPHIQL=true).
FROM node:20-slim AS playground
WORKDIR /playground
COPY playground/package.json playground/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY playground/build.mjs ./
COPY playground/src ./src
RUN npm run build

# The web app (web/ -> web/dist, served at /app/), built from the committed lock file.
FROM node:20-slim AS web
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY schema.graphql /src/schema.graphql
COPY web/ ./
RUN npm run build

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PORT=8000 WEB_CONCURRENCY=2
WORKDIR /app

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
COPY --from=web /src/web/dist web/dist
COPY --from=playground /playground/static/playground playground/static/playground
# collectstatic only reads settings; a throwaway key satisfies the production check.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput

RUN useradd --create-home --uid 10001 app
USER app
EXPOSE 8000

# DATABASE_URL, REDIS_URL, SECRET_KEY and ALLOWED_HOSTS come from the environment.
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn config.asgi:application --config gunicorn.conf.py --worker-class uvicorn_worker.UvicornWorker --workers ${WEB_CONCURRENCY} --bind 0.0.0.0:${PORT} --access-logfile -"]
