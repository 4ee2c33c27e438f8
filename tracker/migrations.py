"""The store's schema, as ordered migrations: each runs once, in one transaction, and is recorded
in `schema_migrations` (Store.migrate). A new table or column is a new entry at the end."""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    (
        "initial schema",
        """
        CREATE TABLE statements (
            id INTEGER PRIMARY KEY,
            statement_id TEXT NOT NULL UNIQUE,
            content_key TEXT NOT NULL UNIQUE,
            actor TEXT NOT NULL,
            date TEXT NOT NULL,
            date_precision TEXT NOT NULL DEFAULT 'day',
            text TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            topic_hint TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT '',
            context TEXT NOT NULL DEFAULT '',
            metadata TEXT NOT NULL DEFAULT '{}',
            topic_id INTEGER REFERENCES topics(topic_id),
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX statements_timeline ON statements(actor, topic_id, date);
        CREATE TABLE embeddings (
            model_id TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            dim INTEGER NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (model_id, text_hash)
        ) WITHOUT ROWID;
        CREATE TABLE topics (
            topic_id INTEGER PRIMARY KEY,
            label TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL,
            pinned INTEGER NOT NULL DEFAULT 0,
            model_id TEXT,
            centroid BLOB,
            size INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX topics_named ON topics(label) WHERE origin IN ('input', 'file');
        CREATE TABLE pair_scores (
            earlier_id TEXT NOT NULL,
            later_id TEXT NOT NULL,
            model_version TEXT NOT NULL,
            p_full_flop REAL NOT NULL,
            p_half_flip REAL NOT NULL,
            p_no_flip REAL NOT NULL,
            PRIMARY KEY (earlier_id, later_id, model_version)
        ) WITHOUT ROWID;
        CREATE TABLE changes (
            change_id TEXT PRIMARY KEY,
            actor TEXT NOT NULL,
            topic_id INTEGER,
            earlier_id TEXT NOT NULL,
            later_id TEXT NOT NULL,
            label TEXT NOT NULL,
            score REAL NOT NULL,
            p_full_flop REAL NOT NULL,
            p_half_flip REAL NOT NULL,
            p_no_flip REAL NOT NULL,
            cues TEXT NOT NULL DEFAULT '[]',
            model_version TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            detected_at TEXT NOT NULL
        );
        CREATE INDEX changes_later ON changes(later_id);
        """,
    ),
    (
        "digest bookkeeping",
        """
        CREATE TABLE digests (
            digest_id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            mode TEXT NOT NULL,
            window_start TEXT,
            window_end TEXT,
            n_changes INTEGER NOT NULL
        );
        CREATE TABLE digest_items (
            digest_id INTEGER NOT NULL REFERENCES digests(digest_id),
            change_id TEXT NOT NULL UNIQUE REFERENCES changes(change_id)
        );
        """,
    ),
    (
        "pair scores keyed by statement row ids",
        """
        DROP TABLE pair_scores;
        CREATE TABLE pair_scores (
            earlier INTEGER NOT NULL,
            later INTEGER NOT NULL,
            model_version TEXT NOT NULL,
            p_full_flop REAL NOT NULL,
            p_half_flip REAL NOT NULL,
            p_no_flip REAL NOT NULL,
            PRIMARY KEY (model_version, later, earlier)
        ) WITHOUT ROWID;
        """,
    ),
    (
        "pair verdicts packed per later statement (a cache: rebuilt by the next detect)",
        # A row per judged pair cost 206 s to write at 1M statements (7.7M pairs); packed, one row holds
        # every earlier statement judged against one later one, as little-endian int64 / float32 arrays.
        """
        DROP TABLE pair_scores;
        CREATE TABLE pair_verdicts (
            model_version TEXT NOT NULL,
            later INTEGER NOT NULL,
            earlier BLOB NOT NULL,
            proba BLOB NOT NULL
        );
        CREATE INDEX pair_verdicts_model ON pair_verdicts(model_version, later);
        """,
    ),
    (
        "embeddings in a rowid table with a separate key index",
        # WITHOUT ROWID put the 1.5 KB vectors inside the key B-tree, so "which texts lack a vector?"
        # read every vector page; with a rowid table it reads only the small key index.
        """
        CREATE TABLE embeddings_new (
            id INTEGER PRIMARY KEY,
            model_id TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            dim INTEGER NOT NULL,
            vector BLOB NOT NULL,
            UNIQUE (model_id, text_hash)
        );
        INSERT INTO embeddings_new(model_id, text_hash, dim, vector) SELECT model_id, text_hash, dim, vector FROM embeddings;
        DROP TABLE embeddings;
        ALTER TABLE embeddings_new RENAME TO embeddings;
        """,
    ),
    (
        "why a change is flagged: the classifier's score, or the source article reporting the shift",
        "ALTER TABLE changes ADD COLUMN basis TEXT NOT NULL DEFAULT 'classifier';",
    ),
    (
        "people's reviews of pairs: append-only, the latest review of a pair wins (tracker/store_reviews.py)",
        # action_id is the web form's one-time key: a form sent twice (a double click, a retry) is stored once.
        """
        CREATE TABLE reviews (
            review_id INTEGER PRIMARY KEY AUTOINCREMENT,
            earlier_id TEXT NOT NULL REFERENCES statements(statement_id),
            later_id TEXT NOT NULL REFERENCES statements(statement_id),
            verdict TEXT NOT NULL CHECK (verdict IN ('full_flop', 'half_flip', 'no_flip')),
            reviewer TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            reviewed_at TEXT NOT NULL,
            action_id TEXT UNIQUE
        );
        CREATE INDEX reviews_pair ON reviews(earlier_id, later_id, review_id);
        """,
    ),
    (
        "continuous intake: followed sources and the entries taken in (tracker/store_sources.py)",
        # fetched_entries has no key on sources: an entry stays known after its source is removed.
        """
        CREATE TABLE sources (
            url TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('feed', 'page')),
            allow_private INTEGER NOT NULL DEFAULT 0,
            added_at TEXT NOT NULL,
            etag TEXT,
            last_modified TEXT,
            last_pulled_at TEXT,
            last_ok_at TEXT,
            last_error TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE fetched_entries (
            id INTEGER PRIMARY KEY,
            source_url TEXT NOT NULL,
            url TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            published TEXT,
            statements INTEGER NOT NULL,
            status TEXT NOT NULL,
            fetched_at TEXT NOT NULL
        );
        CREATE INDEX fetched_entries_url ON fetched_entries(url);
        CREATE INDEX fetched_entries_text ON fetched_entries(text_hash);
        """,
    ),
    (
        "statements.text_hash and embeddings.text_hash are renamed judged_hash: the hash of the text that is "
        "embedded and judged (a quote with the question it answers)",
        """
        ALTER TABLE statements RENAME COLUMN text_hash TO judged_hash;
        ALTER TABLE embeddings RENAME COLUMN text_hash TO judged_hash;
        """,
    ),
]
