"""The planner's own frameworks: import from CSV or JSON, framework files, the user's folder.

No Qt here. The CSV layout is described in csv_import; changing a framework in a scenario
(options, criteria, notes on ratings) in editing, built from the pieces in building.
"""

from .csv_export import framework_csv
from .csv_import import CsvImport, framework_from_csv, import_csv
from .files import (
    framework_from_json,
    framework_json,
    framework_payload,
    framework_schema,
    import_framework,
    read_any_framework,
    validate_any,
)
from .user_folder import install_user_framework, load_user_frameworks, user_frameworks_dir

__all__ = [
    "CsvImport", "framework_csv", "framework_from_csv", "framework_from_json", "framework_json",
    "framework_payload",
    "framework_schema", "import_csv", "import_framework", "install_user_framework",
    "load_user_frameworks", "read_any_framework", "user_frameworks_dir", "validate_any",
]
