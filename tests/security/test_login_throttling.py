import pytest
from django.test import override_settings

from tests.factories import UserFactory


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_repeated_failed_logins_lock_the_username_out_with_a_clear_page(client):
    UserFactory(username="cronista")  # password: correct horse battery
    for _ in range(2):
        response = client.post(
            "/accounts/login/", {"username": "cronista", "password": "wrong guess"}
        )
        assert response.status_code == 200
        assert "didn" in response.content.decode() or "corrispond" in response.content.decode()

    locked = client.post("/accounts/login/", {"username": "cronista", "password": "wrong guess"})
    assert locked.status_code == 429
    # Even the right password waits for the cool-off.
    still_locked = client.post(
        "/accounts/login/", {"username": "cronista", "password": "correct horse battery"}
    )
    assert still_locked.status_code == 429
    assert "15" in still_locked.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_a_successful_login_resets_the_failure_count(client):
    UserFactory(username="cronista")
    for _ in range(2):
        client.post("/accounts/login/", {"username": "cronista", "password": "nope"})
    ok = client.post(
        "/accounts/login/", {"username": "cronista", "password": "correct horse battery"}
    )
    assert ok.status_code == 302
    client.logout()
    for _ in range(2):
        response = client.post("/accounts/login/", {"username": "cronista", "password": "nope"})
        assert response.status_code == 200
