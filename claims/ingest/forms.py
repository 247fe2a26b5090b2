from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from claims.models import Language

LANGUAGE_CHOICES = [("", _("Detect from the page"))] + list(Language.choices)


class UrlSubmitForm(forms.Form):
    url = forms.URLField(
        label=_("Article address"),
        max_length=2000,
        assume_scheme="https",
        help_text=_("The page is fetched by a worker; the article shows its progress."),
    )
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES, required=False)


class FeedForm(forms.Form):
    url = forms.URLField(
        label=_("Feed address (RSS or Atom)"), max_length=2000, assume_scheme="https"
    )
    language = forms.ChoiceField(
        label=_("Language of its articles"), choices=LANGUAGE_CHOICES, required=False
    )


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("JSONL or CSV file"),
        help_text=_(
            "One article per row. Columns: text or url, title, language, published "
            "(YYYY-MM-DD). Rows already imported are skipped, so a file can be imported again."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE * 4
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(mb)d MB: split it, or use import_articles.")
                % {"mb": limit // (1024 * 1024)}
            )
        return upload
