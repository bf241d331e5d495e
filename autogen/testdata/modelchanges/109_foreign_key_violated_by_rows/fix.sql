UPDATE orders SET user_id = NULL WHERE id = 3;
