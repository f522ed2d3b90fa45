"""Read a page's POST form as a browser would submit it, unchanged (standard library only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class HtmlForm:
    action: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)  # name → input type, "select", "textarea"
    options: dict[str, list[str]] = field(default_factory=dict)  # select name → its values

    def data(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for name, value in self.fields:
            out.setdefault(name, []).append(value)
        return out


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[HtmlForm] = []
        self._form: HtmlForm | None = None
        self._select: str | None = None
        self._select_values: list[tuple[str, bool]] = []
        self._option: dict[str, str | None] | None = None
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v for k, v in attrs}
        if tag == "form" and (a.get("method") or "get").lower() == "post":
            self._form = HtmlForm(action=a.get("action") or "")
            self.forms.append(self._form)
        if self._form is None or "disabled" in a:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            self._form.kinds[name] = kind
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._form.fields.append((name, a.get("value") or "on"))
            elif kind not in ("submit", "button", "image", "reset", "file"):
                self._form.fields.append((name, a.get("value") or ""))
        elif tag == "select" and name:
            self._select, self._select_values = name, []
            self._form.kinds[name] = "select"
        elif tag == "option" and self._select:
            self._option, self._text = {"value": a.get("value"), "selected": "selected" in a}, ""
        elif tag == "textarea" and name:
            self._textarea, self._text = name, ""
            self._form.kinds[name] = "textarea"

    def handle_data(self, data: str) -> None:
        self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "option" and self._option is not None:
            value = self._option["value"]
            self._select_values.append((self._text if value is None else value,
                                        bool(self._option["selected"])))  # fmt: skip
            self._option = None
        elif tag == "select" and self._select and self._form is not None:
            values = [v for v, _ in self._select_values]
            chosen = [v for v, selected in self._select_values if selected] or values[:1]
            self._form.options[self._select] = values
            self._form.fields.extend((self._select, v) for v in chosen[:1])
            self._select = None
        elif tag == "textarea" and self._textarea and self._form is not None:
            self._form.fields.append((self._textarea, _first_newline_dropped(self._text)))
            self._textarea = None


def post_forms(html: str) -> list[HtmlForm]:
    parser = _FormParser()
    parser.feed(html)
    return parser.forms


def edit_form(html: str, url: str) -> HtmlForm:
    """The page's form that posts back to the page itself (the one with most fields)."""
    forms = [f for f in post_forms(html) if f.action in ("", url)]
    assert forms, "the page has no POST form to itself"
    return max(forms, key=lambda f: len(f.fields))


def _first_newline_dropped(text: str) -> str:
    """A browser drops the newline right after <textarea> (WTForms writes one)."""
    for newline in ("\r\n", "\n", "\r"):
        if text.startswith(newline):
            return text[len(newline) :]
    return text
