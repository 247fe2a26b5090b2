"""The API's permissions are the roles' Django permissions (migration 0004),
so a person can do through the API exactly what their role allows on the
screens. The services check the finer rules (publishing, assigning others)."""

from rest_framework.permissions import BasePermission


class RolePermission(BasePermission):
    """Each view lists the permissions every action needs in `required_perms`,
    keyed by action name (viewsets) or HTTP method (plain views)."""

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if not hasattr(view, request.method.lower()):
            return True  # let the view answer 405 Method Not Allowed
        required = getattr(view, "required_perms", {})
        key = getattr(view, "action", None) or request.method.lower()
        if key not in required and request.method == "HEAD":
            key = "get"
        perms = required.get(key, required.get("*"))
        if perms is None:
            return False  # an action nobody listed is nobody's to take
        return user.has_perms(perms)
