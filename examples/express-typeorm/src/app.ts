import express from 'express';
import session from 'express-session';
import passport from 'passport';
import { postsRouter } from './routes/posts';

export const app = express();

app.use(express.json());
app.use(
  session({
    secret: 'keyboard cat',
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax' },
  }),
);
app.use(passport.initialize());
app.use(passport.session());
app.use(express.static('public'));
app.use('/posts', postsRouter);

app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  res.status(500).json({ error: err.message });
});
