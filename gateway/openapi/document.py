"""What both documents share: services and their tags, the file-level openapiv2_swagger
annotation, info, and the final resolution of type references to definition names."""
from __future__ import annotations

from typing import Any

from google.rpc import status_pb2

from . import options
from .comments import Comments
from .naming import legacy_names
from .operations import Operation, build_operations
from .schemas import SchemaBuilder, TypeRef

_METHOD_ORDER = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
STATUS = status_pb2.Status.DESCRIPTOR
DEFAULT_ERROR = "An unexpected error response."


class Document:
    """Everything read from the table once; the 2.0 and 3.1 renderers format it."""

    def __init__(self, table, json_options, source, *, v3: bool):
        self.comments = Comments(source)
        self.schemas = SchemaBuilder(json_options, self.comments, v3=v3)
        self.operations: list[Operation] = build_operations(table, json_options, self.comments)
        self.services = []
        for binding in table.bindings:
            service = binding.method.containing_service
            if service not in self.services:
                self.services.append(service)
        self.swagger = None  # the first openapiv2_swagger annotation among the services' files
        for service in self.services:
            file_options = service.file.GetOptions()
            if file_options.HasExtension(options.SWAGGER):
                self.swagger = file_options.Extensions[options.SWAGGER]
                break
        self.tag_names = {s.full_name: _tag_name(s) for s in self.services}
        for op in self.operations:
            if op.annotation is None or not op.annotation.tags:
                op.tags = [self.tag_names[op.binding.method.containing_service.full_name]]

    # ---- info and tags --------------------------------------------------------------
    def info(self, *, title: str | None, version: str | None, v3: bool) -> dict[str, Any]:
        info: dict[str, Any] = {}
        annotation = self.swagger.info if self.swagger is not None else None
        default_title = self.services[0].file.name if self.services else "API"
        info["title"] = title or (annotation.title if annotation and annotation.title else default_title)
        if annotation is not None:
            if annotation.description:
                info["description"] = annotation.description
            if annotation.terms_of_service:
                info["termsOfService"] = annotation.terms_of_service
            contact = {k: getattr(annotation.contact, k) for k in ("name", "url", "email")
                       if getattr(annotation.contact, k)}
            if contact:
                info["contact"] = contact
            lic = {k: getattr(annotation.license, k) for k in ("name", "url") if getattr(annotation.license, k)}
            if "name" in lic:  # a license object without a name is invalid in both versions
                info["license"] = lic
        info["version"] = version or (annotation.version if annotation and annotation.version
                                      else "version not set")
        if annotation is not None:
            info.update(options.extensions(annotation.extensions))
        return info

    def tags(self) -> list[dict[str, Any]]:
        tags: list[dict[str, Any]] = []
        declared: dict[str, dict[str, Any]] = {}

        def add(name: str, description: str = "", docs=None, extensions=None) -> None:
            tag = declared.get(name)
            if tag is None:
                tag = declared[name] = {"name": name}
                tags.append(tag)
            if description:
                tag["description"] = description
            if docs:
                tag["externalDocs"] = docs
            if extensions:
                tag.update(extensions)

        for service in self.services:
            annotation = options.option(service, options.TAG)
            description = self.comments[service.full_name]
            if annotation is not None:
                add(self.tag_names[service.full_name], annotation.description or description,
                    options.external_docs(annotation.external_docs), options.extensions(annotation.extensions))
            else:
                add(self.tag_names[service.full_name], description)
        if self.swagger is not None:
            for tag in self.swagger.tags:
                add(tag.name, tag.description, options.external_docs(tag.external_docs),
                    options.extensions(tag.extensions))
        return tags

    # ---- paths ----------------------------------------------------------------------
    def paths(self, render) -> dict[str, dict[str, Any]]:
        paths: dict[str, dict[str, Any]] = {}
        for op in self.operations:
            paths.setdefault(op.path, {})[op.method] = render(op)
        return {path: {m: item[m] for m in _METHOD_ORDER if m in item} for path, item in sorted(paths.items())}

    # ---- definitions ----------------------------------------------------------------
    def definitions(self, prefix: str, doc: dict[str, Any]) -> dict[str, Any]:
        """Build every referenced definition, name them, and rewrite the refs in doc."""
        self.schemas.ref(STATUS)
        self.schemas.build_pending()
        names = legacy_names(self.schemas.definitions)
        _resolve(doc, names, prefix)
        definitions = {names[full]: schema for full, schema in self.schemas.definitions.items()}
        _resolve(definitions, names, prefix)
        return {name: definitions[name] for name in sorted(definitions)}


def _tag_name(service) -> str:
    annotation = options.option(service, options.TAG)
    if annotation is not None and annotation.name:
        return annotation.name
    return service.name


def _resolve(node: Any, names: dict[str, str], prefix: str) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, TypeRef):
                node[key] = prefix + names[str(value)]
            else:
                _resolve(value, names, prefix)
    elif isinstance(node, list):
        for item in node:
            _resolve(item, names, prefix)
