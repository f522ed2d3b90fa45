"""Flask extensions, created unbound and initialised in create_app()."""

from flask_babel import Babel
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

from eteams.models.base import Base

# Models subclass our own declarative Base (Flask-free); Flask-SQLAlchemy shares its metadata.
db = SQLAlchemy(metadata=Base.metadata)
migrate = Migrate()
login = LoginManager()
csrf = CSRFProtect()
babel = Babel()
