from django.contrib import admin
from django.urls import path

from catalog import views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("books/", views.book_list, name="book-list"),
    path("authors/", views.AuthorListView.as_view(), name="author-list"),
]
