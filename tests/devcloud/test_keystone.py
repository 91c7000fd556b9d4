"""Keystone: seeded projects and users, application credential, OAuth2 client credentials."""
import openstack
import requests


def test_seeded_projects_and_users(admin):
    assert {"admin", "demo", "alt", "service"} <= {p.name for p in admin.identity.projects()}
    assert {"admin", "demo", "alt"} <= {u.name for u in admin.identity.users()}


def test_member_users_are_scoped_to_their_own_project(demo, alt):
    assert demo.current_project_id != alt.current_project_id
    assert demo.identity.get_project(demo.current_project_id).name == "demo"
    assert alt.identity.get_project(alt.current_project_id).name == "alt"


def test_seeded_application_credential_logs_in(app_credential, demo):
    conn = openstack.connect(
        auth_type="v3applicationcredential", auth_url=app_credential["auth_url"],
        application_credential_id=app_credential["id"],
        application_credential_secret=app_credential["secret"])
    assert conn.current_project_id == demo.current_project_id
    cred = demo.identity.get_application_credential(demo.current_user_id, app_credential["id"])
    assert cred.name == "oaktree-demo"
    assert cred.unrestricted is False


def test_oauth2_client_credentials_grant(app_credential, demo):
    r = requests.post(app_credential["oauth2_token_url"],
                      auth=(app_credential["id"], app_credential["secret"]),
                      data={"grant_type": "client_credentials"}, timeout=30)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["token_type"].lower() == "bearer"
    token = body["access_token"]
    # keystone accepts the access token as X-Auth-Token: validate it ...
    v = requests.get(app_credential["auth_url"] + "/auth/tokens", timeout=30,
                     headers={"X-Auth-Token": token, "X-Subject-Token": token})
    assert v.status_code == 200, v.text
    assert v.json()["token"]["project"]["id"] == demo.current_project_id
    # ... and for an ordinary call as the demo user
    u = requests.get(f"{app_credential['auth_url']}/users/{demo.current_user_id}",
                     headers={"X-Auth-Token": token}, timeout=30)
    assert u.status_code == 200, u.text
    assert u.json()["user"]["name"] == "demo"


def test_oauth2_grant_rejects_a_wrong_secret(app_credential):
    r = requests.post(app_credential["oauth2_token_url"],
                      auth=(app_credential["id"], "not-the-secret"),
                      data={"grant_type": "client_credentials"}, timeout=30)
    assert r.status_code == 401


def test_create_and_delete_application_credential(demo, name):
    cred = demo.identity.create_application_credential(
        demo.current_user_id, name=name, secret="s3cret-" + name)
    try:
        conn = openstack.connect(
            auth_type="v3applicationcredential", auth_url=demo.auth["auth_url"],
            application_credential_id=cred.id, application_credential_secret="s3cret-" + name)
        assert conn.current_user_id == demo.current_user_id
    finally:
        demo.identity.delete_application_credential(demo.current_user_id, cred)
