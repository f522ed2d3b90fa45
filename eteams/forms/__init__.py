"""WTForms forms (Flask-WTF): CSRF, field validation and translated messages."""
