"""People review the judge's flags: a queue in the browser (`tracker serve`), verdicts in the store's
append-only reviews table, and reviewed pairs as labelled data (`tracker export-labels`).

    queue  - what to review next: unreviewed flagged changes, then the strongest unflagged candidates
    app    - the web app (Starlette): pages, actions, and the security that guards them
    server - binds it (loopback unless a token guards it) and runs it with uvicorn
    labels - reviews as records, as data/labelled files and as training pairs
"""
