"""What the store holds, shown to people and other tools: contract tables, CSV/JSON export, the
report, the digest and timeline plots. Nothing here re-embeds or re-judges."""
