from django.db import models


class Publisher(models.Model):
    name = models.CharField(max_length=200)
    country = models.CharField(max_length=2)

    def __str__(self):
        return self.name


class Author(models.Model):
    name = models.CharField(max_length=200)
    email = models.EmailField(unique=True)
    publisher = models.ForeignKey(Publisher, null=True, on_delete=models.SET_NULL, related_name="authors")

    def __str__(self):
        return self.name


class Tag(models.Model):
    slug = models.SlugField()
    label = models.CharField(max_length=50)


class Book(models.Model):
    title = models.CharField(max_length=300)
    isbn = models.CharField(max_length=13, db_index=True)
    published = models.DateField()
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="books")
    tags = models.ManyToManyField(Tag, blank=True)

    class Meta:
        ordering = ["-published"]
        indexes = [models.Index(fields=["title", "published"])]

    def __str__(self):
        return f"{self.title} by {self.author.name}"
