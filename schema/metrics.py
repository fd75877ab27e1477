"""Names each HTTP request's operation and outcome for the request metrics
(config.observability records them with the request's latency)."""

from strawberry.extensions import SchemaExtension

from core.metrics import operation_label


class OperationOutcome(SchemaExtension):
    """Registered first, so it sees the errors after ErrorCodes gave them their codes."""

    def on_operation(self):
        yield
        context = self.execution_context
        request = getattr(context.context, "request", None)
        if request is None or not hasattr(request, "META"):
            return  # a websocket operation: not an HTTP request
        result = context.result
        outcome = "OK"
        if result is not None and result.errors:
            outcome = (result.errors[0].extensions or {}).get("code", "BAD_USER_INPUT")
        request.graphql_outcome = (operation_label(context.operation_name), outcome)
