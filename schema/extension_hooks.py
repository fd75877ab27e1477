"""strawberry's schema-extension runner, with each hook worked out once per class.

On every operation strawberry asks each extension instance, for each of its four
stages (operation, parse, validate, execute), whether its class defines the hook and
whether that is a generator function, then decorates the bound method with
contextlib.contextmanager (functools.update_wrapper and inspect each time): ~40 µs of
a small mutation, for the same answer every time. Here the decorated function is
kept per (class, stage) and called with the instance, the same context manager
strawberry would build; the order of the hooks and how they enter, exit and see
exceptions are strawberry's own (its ExitStack).
"""

import contextlib
import inspect
from asyncio import iscoroutinefunction
from functools import partial

from strawberry.extensions import SchemaExtension
from strawberry.extensions.context import (
    ExecutingContextManager,
    OperationContextManager,
    ParsingContextManager,
    ValidationContextManager,
    WrappedHook,
)
from strawberry.extensions.runner import SchemaExtensionsRunner

_HOOKS: dict[tuple[type, str], tuple | None] = {}


def _hook_factory(cls: type, name: str) -> tuple | None:
    """(a function of the instance giving the hook's context manager, is_async), or
    None where the class keeps SchemaExtension's no-op; strawberry's get_hook's cases."""
    hook_fn = getattr(cls, name)
    if hook_fn is getattr(SchemaExtension, name):
        return None
    if inspect.isgeneratorfunction(hook_fn):
        return contextlib.contextmanager(hook_fn), False
    if inspect.isasyncgenfunction(hook_fn):
        return contextlib.asynccontextmanager(hook_fn), True
    if not callable(hook_fn):
        raise ValueError(f"Hook {name} on {cls} must be callable, received {hook_fn!r}")
    if iscoroutinefunction(hook_fn):

        @contextlib.asynccontextmanager
        async def awaited(extension):
            await hook_fn(extension)
            yield

        return awaited, True

    @contextlib.contextmanager
    def called(extension):
        hook_fn(extension)
        yield

    return called, False


class _KnownHooks:
    HOOK_NAME: str

    def get_hook(self, extension: SchemaExtension) -> WrappedHook | None:
        key = (type(extension), self.HOOK_NAME)
        try:
            found = _HOOKS[key]
        except KeyError:
            found = _HOOKS[key] = _hook_factory(type(extension), self.HOOK_NAME)
        if found is None:
            return None
        factory, is_async = found
        return WrappedHook(extension=extension, hook=partial(factory, extension),
                           is_async=is_async)


class _Operation(_KnownHooks, OperationContextManager):
    pass


class _Validation(_KnownHooks, ValidationContextManager):
    pass


class _Parsing(_KnownHooks, ParsingContextManager):
    pass


class _Executing(_KnownHooks, ExecutingContextManager):
    pass


_RESULTS: dict[type, bool] = {}  # class -> whether it defines get_results


class ExtensionsRunner(SchemaExtensionsRunner):
    def operation(self):
        return _Operation(self.extensions)

    def validation(self):
        return _Validation(self.extensions)

    def parsing(self):
        return _Parsing(self.extensions)

    def executing(self):
        return _Executing(self.extensions)

    def get_extensions_results_sync(self) -> dict:
        """strawberry's, skipping the classes that keep SchemaExtension's empty results."""
        extensions = []
        for extension in self.extensions:
            cls = type(extension)
            if (own := _RESULTS.get(cls)) is None:
                own = _RESULTS[cls] = cls.get_results is not SchemaExtension.get_results
            if own:
                extensions.append(extension)
        if not extensions:
            return {}
        return SchemaExtensionsRunner(self.execution_context,
                                      extensions).get_extensions_results_sync()
