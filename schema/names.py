"""GraphQL names of generic types: pages are named as the contract names them."""

from strawberry.schema.name_converter import NameConverter

PAGE_NAMES = {"InventoryItem": "ItemPage", "ItemChange": "ItemChangePage", "User": "UserPage"}


class ContractNameConverter(NameConverter):
    def from_generic(self, generic_type, types) -> str:
        if generic_type.name == "OffsetPaginated" and len(types) == 1:
            node = self.get_name_from_type(types[0])
            if node in PAGE_NAMES:
                return PAGE_NAMES[node]
        return super().from_generic(generic_type, types)
