# The loader as a container for teams: upgrades the schema and loads a mounted folder.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md alembic.ini ./
COPY loaders ./loaders
COPY models ./models
COPY migrations ./migrations
COPY queries ./queries
RUN pip install --no-cache-dir .
ENTRYPOINT ["loader"]
CMD ["load", "/articles"]
