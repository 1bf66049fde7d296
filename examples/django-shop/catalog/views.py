from django.shortcuts import render
from django.views.generic import ListView

from .models import Author, Book


def book_list(request):
    books = Book.objects.filter(title__icontains=request.GET.get("q", ""))
    rows = []
    for book in books:
        rows.append({"title": book.title, "author": book.author.name})
    return render(request, "catalog/book_list.html", {"rows": rows})


class AuthorListView(ListView):
    model = Author
    template_name = "catalog/author_list.html"
    context_object_name = "authors"
