from app import app


def test_healthz():
    response = app.test_client().get("/healthz")
    assert response.json == {"status": "ok"}
