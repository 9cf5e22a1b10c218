"""NLP backends for extraction: sentences, words (lemma, UPOS, dependency head) and named entities.

`base` holds the backend-neutral records and the `Backend` protocol; `stanza_backend` fills
them from stanza pipelines (optional extra `stanza`). Rule extraction does not need any of
this; a backend adds syntax and statistical NER on top of the rules.
"""
