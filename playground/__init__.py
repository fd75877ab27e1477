"""The GraphiQL playground: a Django app for its page and static files, and an npm package
(package.json, package-lock.json, build.mjs) whose build writes static/playground/."""
