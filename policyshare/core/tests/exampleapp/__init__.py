"""A tiny content type that exists only in the test suite.

It is the worked example of docs/development.md ("Adding a content type"): one file of
models, and the app in INSTALLED_APPS (test settings only). The tests named
`test_example_content_*.py` in `policyshare/core/tests/` check that it appears in search,
the sitemap, the feeds and the API, and that changing it purges what shows it, without any
shared code naming it.
"""
